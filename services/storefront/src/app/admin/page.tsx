import { redirect } from "next/navigation";
import { requireAdmin } from "@/lib/session";

export default async function AdminHome() {
  await requireAdmin("/admin");
  redirect("/admin/products");
}
