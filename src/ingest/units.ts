// Sizes and durations as error messages state them: "5 MB", "1.5 MB", "200 KB", "0.2 s".

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

export function formatSeconds(ms: number): string {
  return `${+(ms / 1000).toFixed(1)} s`;
}
