import { ProjectSettings } from "./project-settings";

export default function SettingsPage() {
  return <ProjectSettings />;
}
