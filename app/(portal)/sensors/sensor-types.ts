// The shapes the sensor pages read, straight from the router's outputs.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/app-router";

type SensorOutputs = inferRouterOutputs<AppRouter>["sensor"];
export type SensorListItem = SensorOutputs["list"]["items"][number];
export type SensorDetails = SensorOutputs["byId"];
export type SensorCredential = SensorDetails["credentials"][number];
export type SensorProfile = SensorDetails["profiles"][number];
