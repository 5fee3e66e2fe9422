/** The files a finished video has, by name within its folder. */
export const videoFileNames = ['video.mp4', 'captions.vtt', 'poster.jpg'] as const;
export type VideoFileName = (typeof videoFileNames)[number];

export const contentTypes: Record<VideoFileName, string> = {
  'video.mp4': 'video/mp4',
  'captions.vtt': 'text/vtt; charset=utf-8',
  'poster.jpg': 'image/jpeg',
};

/** Where a video's file lives in the storage: one folder per video, so deletion takes the folder. */
export function fileKey(videoId: string, name: VideoFileName): string {
  return `videos/${videoId}/${name}`;
}

export interface DownloadLink {
  url: string;
  expiresAt: string;
}

/**
 * Where finished videos are kept: a local directory (make dev) or S3 (AWS). One interface, so
 * the worker writes and the API links without knowing which.
 */
export interface VideoStorage {
  kind: 'local' | 's3';
  /** Stores a local file under the video's folder; a repeat replaces it. */
  put(videoId: string, name: VideoFileName, localFile: string): Promise<number>;
  /** A short-lived link a browser can fetch (and seek in) without credentials. */
  link(videoId: string, name: VideoFileName, downloadName: string): Promise<DownloadLink>;
  /** Removes every file of a video; nothing there is fine. */
  remove(videoId: string): Promise<void>;
}
