/**
 * Whether a node of the page is still in a live document. When a frame navigates, Firefox turns the content
 * script's references into its old document into dead objects that throw on any access ("can't access dead
 * object"); Chromium keeps them readable but disconnected. Either way the node is gone.
 */
export function isLive(node: Node): boolean {
  try {
    return node.isConnected;
  } catch {
    return false;
  }
}

/** Runs (and empties) `cleanups`: one whose frame document is gone (dead in Firefox) does not stop the others. */
export function cleanUpAll(cleanups: (() => void)[]): void {
  for (const cleanup of cleanups.splice(0)) {
    try {
      cleanup();
    } catch {
      // its document is gone, and its listeners and observers with it
    }
  }
}
