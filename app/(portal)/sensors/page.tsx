import { SensorList } from "./sensor-list";

export default function SensorsPage() {
  return <SensorList />;
}
