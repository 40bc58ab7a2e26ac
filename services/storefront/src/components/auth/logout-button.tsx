import { SESSION_PATHS } from "@shop/contracts/session";
import { LogOut } from "lucide-react";
import { buttonSecondary } from "@/components/ui/styles";

/** A plain form post to the edge, which ends the session (works without script; ends with a full page load). */
export function LogoutButton() {
  return (
    <form method="post" action={SESSION_PATHS.logout}>
      <button type="submit" className={`${buttonSecondary} w-full`}>
        <LogOut aria-hidden className="size-4" />
        로그아웃
      </button>
    </form>
  );
}
