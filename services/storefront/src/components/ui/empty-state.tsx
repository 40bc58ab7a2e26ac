import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { buttonPrimary } from "./styles";

export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: { href: string; label: string };
}) {
  return (
    <div className="flex flex-col items-center gap-3 px-6 py-16 text-center">
      <p className="text-lg font-semibold">{title}</p>
      {children ? <div className="text-sm text-muted">{children}</div> : null}
      {action ? (
        <Link href={action.href} className={buttonPrimary}>
          {action.label}
        </Link>
      ) : null}
    </div>
  );
}
