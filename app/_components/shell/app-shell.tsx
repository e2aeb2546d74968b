"use client";
// The portal frame: navigation on the left, project switcher and user menu on top.
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { ProjectSwitcher } from "./project-switcher";
import { UserMenu } from "./user-menu";

const NAV = [
  { href: "/experiments", label: "Experiments" },
  { href: "/sensors", label: "Sensors" },
  { href: "/audit", label: "Audit" },
  { href: "/settings", label: "Project settings" },
];

export function AppShell({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">Experiment Tracking</div>
        {NAV.map((item) => (
          <Link key={item.href} href={item.href} aria-current={pathname.startsWith(item.href) ? "page" : undefined}>
            {item.label}
          </Link>
        ))}
      </nav>
      <div>
        <header className="topbar">
          <ProjectSwitcher />
          <span className="spacer" />
          <UserMenu />
        </header>
        <main className="main">{children}</main>
      </div>
    </div>
  );
}
