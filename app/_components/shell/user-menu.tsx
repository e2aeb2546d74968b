"use client";
import { useEffect, useRef, useState } from "react";
import { postJson } from "../../_lib/post-json";
import { useMe } from "../../_lib/use-active-project";
import { ProfileDialog } from "./profile-dialog";

export function UserMenu() {
  const me = useMe();
  const [open, setOpen] = useState(false);
  const [profileOpen, setProfileOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === "Escape" : !menuRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  async function signOut() {
    await postJson("/api/auth/sign-out", {});
    location.assign("/sign-in");
  }

  return (
    <div className="menu" ref={menuRef}>
      <button type="button" className="btn" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
        {me.data?.name ?? "Account"} ▾
      </button>
      {open ? (
        <div className="menu-list" role="menu">
          <div className="muted" style={{ padding: "0.4rem 0.65rem", fontSize: "0.85rem" }}>
            {me.data?.email}
          </div>
          <button type="button" role="menuitem" onClick={() => (setOpen(false), setProfileOpen(true))}>
            Profile…
          </button>
          <button type="button" role="menuitem" onClick={signOut}>
            Sign out
          </button>
        </div>
      ) : null}
      {me.data ? <ProfileDialog open={profileOpen} onClose={() => setProfileOpen(false)} user={me.data} /> : null}
    </div>
  );
}
