import { LogOut } from "lucide-react";
import { buttonSecondary } from "@/components/ui/styles";

/** A plain form post to /auth/logout (works without script; ends with a full page load). */
export function LogoutButton() {
  return (
    <form method="post" action="/auth/logout">
      <button type="submit" className={`${buttonSecondary} w-full`}>
        <LogOut aria-hidden className="size-4" />
        로그아웃
      </button>
    </form>
  );
}
