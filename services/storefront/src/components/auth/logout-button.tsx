"use client";

import { useActionState, useEffect } from "react";
import { LogOut } from "lucide-react";
import { logoutAction } from "./actions";
import { initialActionState } from "@/lib/forms/action-state";
import { buttonSecondary } from "@/components/ui/styles";

export function LogoutButton() {
  const [state, action, pending] = useActionState(logoutAction, initialActionState);
  useEffect(() => {
    if (state.ok) window.location.assign(state.redirectTo ?? "/");
  }, [state]);
  return (
    <form action={action}>
      <button type="submit" disabled={pending || state.ok} className={`${buttonSecondary} w-full`}>
        <LogOut aria-hidden className="size-4" />
        {pending || state.ok ? "로그아웃 중…" : "로그아웃"}
      </button>
    </form>
  );
}
