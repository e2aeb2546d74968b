// The foundation flow: sign-up, a project, a viewer who cannot write, the 403 toast, and sign-out that revokes the cookie.
import { expect, test } from "@playwright/test";
import { createFirstProject, signIn, signOut, signUp, uniqueEmail } from "./helpers";

test("owner shares a project with a read-only viewer", async ({ browser }) => {
  const ownerEmail = uniqueEmail("owner");
  const viewerEmail = uniqueEmail("viewer");

  const viewerContext = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const viewer = await viewerContext.newPage();
  await signUp(viewer, "Vera Viewer", viewerEmail);

  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signUp(owner, "Olga Owner", ownerEmail);

  // 2. create a project
  await createFirstProject(owner, "Cryo Lab");
  await expect(owner.getByLabel("Project", { exact: true })).toHaveValue(/.+/);

  // 3. add the second user as viewer
  await owner.getByRole("link", { name: "Project settings" }).click();
  await owner.getByTestId("members-button").click();
  const members = owner.getByTestId("members-dialog");
  await members.getByTestId("member-add-email").fill(viewerEmail.toUpperCase());
  await members.getByTestId("member-add-role").selectOption("viewer");
  await members.getByTestId("member-add-submit").click();
  await expect(owner.getByText("Member added")).toBeVisible();
  await expect(members.getByTestId("member-row")).toHaveCount(2);

  // 4. the viewer sees no edit controls …
  await viewer.goto("/settings");
  await expect(viewer.getByText("for Cryo Lab")).toBeVisible();
  await expect(viewer.getByTestId("members-button")).toBeVisible();
  await expect(viewer.getByTestId("project-edit-button")).toHaveCount(0);
  await expect(viewer.getByTestId("project-delete-button")).toHaveCount(0);
  await viewer.getByTestId("members-button").click();
  await expect(viewer.getByTestId("member-add-email")).toHaveCount(0);
  await expect(viewer.getByRole("combobox", { name: /Role of/ })).toHaveCount(0);
  await viewer.keyboard.press("Escape");

  // … and a forced write shows the 403 toast with masked details
  const projectId = await viewer.evaluate(async () => {
    const res = await fetch("/api/trpc/user.me");
    const body = (await res.json()) as { result: { data: { json: { activeProjectId: string } } } };
    return body.result.data.json.activeProjectId;
  });
  await viewer.evaluate(async (id) => {
    await fetch("/api/trpc/project.update", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer sekrit-token-value" },
      body: JSON.stringify({ json: { projectId: id, name: "Hijacked", password: "hunter2hunter2" } }),
    });
  }, projectId);
  const toast = viewer.getByTestId("error-toast").filter({ hasText: "403" });
  await expect(toast).toBeVisible();
  await expect(toast.getByTestId("error-toast-summary")).toContainText("does not allow");
  await toast.getByTestId("error-toast-details-toggle").click();
  const details = toast.getByTestId("error-toast-details");
  await expect(details).toContainText("POST");
  await expect(details).toContainText("/api/trpc/project.update");
  await expect(details).toContainText("x-request-id");
  await expect(details).toContainText("[masked]");
  await expect(details).not.toContainText("sekrit-token-value");
  await expect(details).not.toContainText("hunter2hunter2");
  await toast.getByTestId("error-toast-copy").click();
  await expect(toast.getByTestId("error-toast-copy")).toHaveText("Copied");
  const copied = await viewer.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("403");
  expect(copied).toContain("/api/trpc/project.update");
  expect(copied).toMatch(/x-request-id/i);
  expect(copied).not.toContain("sekrit-token-value");
  expect(copied).not.toContain("hunter2hunter2");

  // The project was not renamed.
  await owner.reload();
  await expect(owner.getByLabel("Project", { exact: true }).locator("option:checked")).toContainText("Cryo Lab");

  // 5. sign-out revokes the session: a replayed cookie gets 401
  const cookies = await viewerContext.cookies();
  const sessionCookie = cookies.find((c) => c.name.includes("session-token"));
  expect(sessionCookie).toBeDefined();
  await signOut(viewer);
  const replay = await viewer.request.get("/api/trpc/user.me", {
    headers: { cookie: `${sessionCookie!.name}=${sessionCookie!.value}` },
  });
  expect(replay.status()).toBe(401);

  // The viewer can sign in again afterwards.
  await signIn(viewer, viewerEmail);
  await viewerContext.close();
  await ownerContext.close();
});
