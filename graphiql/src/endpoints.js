/**
 * The gateway's GraphQL endpoints relative to this page, so GraphiQL works wherever a proxy mounts
 * the gateway: the page is served at `<base>/graphiql` and `<base>/graphiql/`, GraphQL at `<base>/graphql`.
 */
export function endpoints(location) {
  const http = new URL(location.pathname.endsWith('/') ? '../graphql' : 'graphql', location.href);
  const socket = new URL(http.href);
  socket.protocol = http.protocol === 'https:' ? 'wss:' : 'ws:';
  return { url: http.href, subscriptionUrl: socket.href };
}
