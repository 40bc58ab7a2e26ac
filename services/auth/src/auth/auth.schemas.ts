/** Request schemas of the sign-in routes: the shared contracts (the edge sends the same bodies). */
import { LoginRequest, RegisterRequest, TokenResponse } from "@shop/contracts";

export { LoginRequest as LoginBody, RegisterRequest as RegisterBody, TokenResponse };
