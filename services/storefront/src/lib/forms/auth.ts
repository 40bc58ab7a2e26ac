/** Login, registration, profile and password forms (Korean messages, the server's rules). */
import { z } from "zod";

const email = z
  .string()
  .trim()
  .min(1, "이메일을 입력해 주세요.")
  .max(254, "이메일이 너무 깁니다.")
  .email("올바른 이메일 형식이 아닙니다.");
const newPassword = z
  .string()
  .min(8, "비밀번호는 8자 이상이어야 합니다.")
  .max(128, "비밀번호는 128자 이하여야 합니다.");

export const loginSchema = z.object({
  email,
  password: z
    .string()
    .min(1, "비밀번호를 입력해 주세요.")
    .max(128, "비밀번호는 128자 이하여야 합니다."),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const registerSchema = z
  .object({
    name: z.string().trim().min(1, "이름을 입력해 주세요.").max(50, "이름은 50자 이하여야 합니다."),
    email,
    password: newPassword,
    passwordConfirm: z.string(),
  })
  .refine((v) => v.password === v.passwordConfirm, {
    path: ["passwordConfirm"],
    message: "비밀번호가 일치하지 않습니다.",
  });
export type RegisterInput = z.infer<typeof registerSchema>;

const phone = z
  .string()
  .trim()
  .max(20, "전화번호가 너무 깁니다.")
  .regex(/^$|^\+?[0-9][0-9 -]{6,18}[0-9]$/, "숫자와 - 로 된 전화번호를 입력해 주세요.");

export const profileSchema = z
  .object({
    name: z.string().trim().min(1, "이름을 입력해 주세요.").max(50, "이름은 50자 이하여야 합니다."),
    phone,
    recipient: z.string().trim().max(100, "100자 이하로 입력해 주세요."),
    postalCode: z
      .string()
      .trim()
      .regex(/^$|^[0-9]{5}$/, "우편번호는 숫자 5자리입니다."),
    line1: z.string().trim().max(200, "200자 이하로 입력해 주세요."),
    line2: z.string().trim().max(200, "200자 이하로 입력해 주세요."),
  })
  .superRefine((v, ctx) => {
    // The address is optional, but when any part is given the required parts must be too.
    if (!v.recipient && !v.postalCode && !v.line1 && !v.line2) return;
    if (!v.recipient)
      ctx.addIssue({ code: "custom", path: ["recipient"], message: "받는 분을 입력해 주세요." });
    if (!v.postalCode)
      ctx.addIssue({ code: "custom", path: ["postalCode"], message: "우편번호를 입력해 주세요." });
    if (!v.line1)
      ctx.addIssue({ code: "custom", path: ["line1"], message: "주소를 입력해 주세요." });
  });
export type ProfileInput = z.infer<typeof profileSchema>;

export const passwordSchema = z
  .object({
    currentPassword: z.string().min(1, "현재 비밀번호를 입력해 주세요."),
    newPassword,
    newPasswordConfirm: z.string(),
  })
  .refine((v) => v.newPassword === v.newPasswordConfirm, {
    path: ["newPasswordConfirm"],
    message: "새 비밀번호가 일치하지 않습니다.",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "현재 비밀번호와 다른 비밀번호를 입력해 주세요.",
  });
export type PasswordInput = z.infer<typeof passwordSchema>;
