import { connection } from "next/server";
import { config } from "@/config";
export default async function Page() {
  await connection();
  return <p>{config().GATEWAY_URL}</p>;
}
