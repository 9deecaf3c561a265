// Public API of the http-server folder (Node-only): the listen/close lifecycle the proxy and the
// emulators' servers share. It re-exports only.

export { closeServer, listenOn } from './lifecycle';
