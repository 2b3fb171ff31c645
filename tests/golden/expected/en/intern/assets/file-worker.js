// Web workers for a site opened from disk (file://), where browsers refuse `new Worker(url)`.
// Material's search runs in a worker; here the worker's script runs in a hidden frame instead,
// and messages go through `postMessage` as they would to a real worker. Only used on file://.
(() => {
  "use strict";
  if (location.protocol !== "file:") return;
  const READY = "netwerkspiegel-worker-ready";

  class FrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.onmessage = null;
      this.onerror = null;
      this.frame = document.createElement("iframe");
      this.frame.hidden = true;
      this.frame.title = "zoeken";
      document.body.appendChild(this.frame);
      const inner = this.frame.contentWindow;
      // Ready when the frame says so, after the worker's script has run (scripts run in order);
      // a frame's load event can fire before a listener is attached, so it is not relied on.
      let markReady;
      this.ready = new Promise((resolve) => { markReady = resolve; });
      window.addEventListener("message", (event) => {
        if (event.source !== inner) return;
        if (event.data === READY) {
          markReady();
          return;
        }
        const message = new MessageEvent("message", { data: event.data });
        this.dispatchEvent(message);
        if (this.onmessage) this.onmessage(message);
      });
      // Inside the frame: `postMessage` answers the page, `importScripts` loads scripts in order.
      const setup = [
        "postMessage = (data) => parent.postMessage(data, '*');",
        "importScripts = (...urls) => urls.reduce((done, url) => done.then(() => new Promise((resolve) => {",
        "  const script = document.createElement('script'); script.src = url; script.onload = resolve;",
        "  document.body.appendChild(script); })), Promise.resolve());",
      ].join("\n");
      // Relative URLs inside the worker (its `importScripts`) resolve against the worker's script.
      const script = new URL(url, location.href).href;
      inner.document.open();
      inner.document.write(
        `<html><head><base href="${script}"></head><body><script>${setup}<\/script><script src="${script}"><\/script>` +
        `<script>parent.postMessage("${READY}", "*")<\/script></body></html>`,
      );
      inner.document.close();
    }

    postMessage(data) {
      this.ready.then(() => {
        this.frame.contentWindow.dispatchEvent(new MessageEvent("message", { data: structuredClone(data) }));
      });
    }

    terminate() {
      this.frame.remove();
    }
  }

  window.Worker = FrameWorker;
})();
