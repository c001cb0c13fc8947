// The shared context of a pipeline: options and heavy resources, each loaded once per process and shared.

export interface PipelineOptions {
  /** Publication date to assume when a document states none (YYYY-MM-DD). */
  date?: string;
  /** Extra KB directories layered above the built-in knowledge base. */
  kbPaths?: string[];
  [key: string]: unknown;
}

export class Context {
  readonly options: PipelineOptions;
  private readonly resources = new Map<string, unknown>();
  private readonly versions = new Map<string, string>();

  constructor(options: PipelineOptions = {}) {
    this.options = options;
  }

  /** Returns the resource under `key`, building it with `load` the first time only. */
  resource<T>(key: string, load: () => T): T {
    if (!this.resources.has(key)) this.resources.set(key, load());
    return this.resources.get(key) as T;
  }

  has(key: string): boolean {
    return this.resources.has(key);
  }

  set<T>(key: string, value: T): void {
    this.resources.set(key, value);
  }

  /** Records the version of a resource (KB, lexicon, model) for the pipeline config stored with each doc. */
  setVersion(name: string, version: string): void {
    this.versions.set(name, version);
  }

  resourceVersions(): Record<string, string> {
    return Object.fromEntries(this.versions);
  }
}
