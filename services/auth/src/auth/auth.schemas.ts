/** Request schemas of the sign-in routes; answers are the shared TokenResponse contract. */
import { TokenResponse } from "@shop/contracts";
import { z } from "zod";

const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Use at most 254 characters")
  .pipe(z.email("Enter a valid email address"));

const Password = z.string().min(1, "Enter a password").max(128, "Use at most 128 characters");

export const RegisterBody = z.object({
  email: Email,
  password: Password,
  name: z.string().trim().min(1, "Enter a name").max(100, "Use at most 100 characters"),
});

export const LoginBody = z.object({ email: Email, password: Password });

export { TokenResponse };
