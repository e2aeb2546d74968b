"use client";
// Client-side plumbing: React Query, the tRPC client, success toasts (top-right) and the error toaster (bottom-right).
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { useState, type ReactNode } from "react";
import { Toaster } from "sonner";
import type { AppRouter } from "@/server/trpc/app-router";
import { TRPCProvider } from "../_lib/trpc";
import { transformer } from "@/contracts/wire-transformer";
import { ErrorToaster } from "./error-toaster";

function onUnauthorized(error: unknown) {
  if (error instanceof TRPCClientError && error.data?.code === "UNAUTHORIZED" && !location.pathname.startsWith("/sign-")) {
    location.assign(`/sign-in?expired=1&next=${encodeURIComponent(location.pathname)}`);
  }
}

function makeQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({ onError: onUnauthorized }),
    mutationCache: new MutationCache({ onError: onUnauthorized }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // Retrying a 4xx cannot help; only network trouble and 5xx are worth another try.
        retry: (count, error) => count < 2 && !(error instanceof TRPCClientError && (error.data?.httpStatus ?? 500) < 500),
      },
    },
  });
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({ links: [httpLink({ url: "/api/trpc", transformer })] }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
        <Toaster position="top-right" richColors closeButton />
        <ErrorToaster />
      </TRPCProvider>
    </QueryClientProvider>
  );
}
