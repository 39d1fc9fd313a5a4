/**
 * Dictation (`composer.dictation`): a microphone button records with `MediaRecorder`; stopping
 * sends the audio to the server's `input.transcribe` and inserts the text at the caret.
 */

/** What dictation needs from the element. */
export interface DictationHost {
  update(): void;
  /** `input.transcribe`: the recording as base64 and its MIME type → the text. */
  transcribe(audioBase64: string, mimeType: string): Promise<string>;
  /** Puts transcribed text into the composer. */
  insert(text: string): void;
  reportError(error: unknown): void;
}

/** Base64 of `bytes`, in slices (a spread of a large array would overflow the call stack). */
function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The recorder behind the composer's microphone button.
 *
 * @example
 * ```ts
 * const dictation = new Dictation(host);
 * button.onclick = () => dictation.toggle();
 * ```
 */
export class Dictation {
  state: "idle" | "recording" | "transcribing" = "idle";
  readonly #host: DictationHost;
  #recorder: MediaRecorder | null = null;
  #stream: MediaStream | null = null;
  #chunks: Blob[] = [];

  constructor(host: DictationHost) {
    this.#host = host;
  }

  /** Starts recording, or stops and transcribes. */
  async toggle(): Promise<void> {
    if (this.state === "recording") this.stop();
    else if (this.state === "idle") await this.start();
  }

  async start(): Promise<void> {
    try {
      this.#stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const recorder = new MediaRecorder(this.#stream);
      this.#chunks = [];
      recorder.ondataavailable = (e) => {
        if (e.data.size) this.#chunks.push(e.data);
      };
      recorder.onstop = () => void this.#transcribe(recorder.mimeType);
      recorder.start();
      this.#recorder = recorder;
      this.state = "recording";
    } catch (error) {
      this.#release();
      this.#host.reportError(error);
    }
    this.#host.update();
  }

  /** Stops recording; the transcription follows. */
  stop(): void {
    this.#recorder?.stop();
    this.#release();
  }

  #release(): void {
    for (const track of this.#stream?.getTracks() ?? []) track.stop();
    this.#stream = null;
    this.#recorder = null;
  }

  async #transcribe(recorded: string): Promise<void> {
    this.state = "transcribing";
    this.#host.update();
    try {
      const mimeType = recorded || this.#chunks[0]?.type || "audio/webm";
      const blob = new Blob(this.#chunks, { type: mimeType });
      const audio = toBase64(new Uint8Array(await blob.arrayBuffer()));
      const text = await this.#host.transcribe(audio, mimeType);
      if (text) this.#host.insert(text);
    } catch (error) {
      this.#host.reportError(error);
    } finally {
      this.#chunks = [];
      this.state = "idle";
      this.#host.update();
    }
  }
}
