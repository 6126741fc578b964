/** formatSize renders a byte count as "512 B", "3.4 KB", "48.2 MB", "1.2 GB". */
export function formatSize(n: number): string {
  if (!Number.isFinite(n) || n < 0) return ''
  if (n < 1024) return `${n} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let v = n / 1024
  let i = 0
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024
    i++
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`
}

/** shortSha shows the first 12 hex digits of a SHA-256, as Git shows a commit. */
export const shortSha = (sha: string) => (sha ? sha.slice(0, 12) : '')

/** toBase64 reads a File (or Blob) into standard base64 without a data: prefix. */
export function toBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader()
    r.onload = () => {
      const s = String(r.result ?? '')
      resolve(s.slice(s.indexOf(',') + 1))
    }
    r.onerror = () => reject(r.error)
    r.readAsDataURL(file)
  })
}
