/** A small HTTP client over real sockets, with a cookie jar and the CSRF header, like a browser. */
export class HttpClient {
  private cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(private readonly baseUrl: string) {}

  async request(
    method: string,
    path: string,
    options: { body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size > 0)
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (this.csrfToken && !['GET', 'HEAD'].includes(method) && !('x-csrf-token' in headers))
      headers['x-csrf-token'] = this.csrfToken;
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined && !('content-type' in headers)) headers['content-type'] = 'application/json';
    const response = await fetch(this.baseUrl + path, { method, headers, body });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies freely and assert on them
    return { status: response.status, headers: response.headers, body: json as any, text };
  }

  get(path: string, headers?: Record<string, string>) {
    return this.request('GET', path, { headers: headers ?? {} });
  }

  post(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', path, { body, headers: headers ?? {} });
  }

  delete(path: string, headers?: Record<string, string>) {
    return this.request('DELETE', path, { headers: headers ?? {} });
  }

  /** Signs in and keeps the session cookie and CSRF token. */
  async logIn(email: string, password: string) {
    const response = await this.post('/api/v1/auth/login', { email, password });
    if (response.status === 200) this.csrfToken = response.body.csrfToken;
    return response;
  }

  /** The Cookie header this client would send now (to replay it later, like a stolen cookie). */
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  hasSessionCookie(): boolean {
    return this.cookies.has('lead_session');
  }
}
