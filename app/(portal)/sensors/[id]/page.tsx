import { SensorDetail } from "./sensor-detail";

export default async function SensorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <SensorDetail id={id} />;
}
