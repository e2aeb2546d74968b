import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth/current-user";

export const dynamic = "force-dynamic";

export default async function Home() {
  redirect((await currentUser()) ? "/experiments" : "/sign-in");
}
