import "@mantine/core/styles.css";
import "@mantine/dates/styles.css";
import "@mantine/notifications/styles.css";
import "./global.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app";
import { prefetchSession } from "./auth/require-session";

const root = document.getElementById("root");
if (!root) throw new Error("index.html lacks #root");

prefetchSession();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
