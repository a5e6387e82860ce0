import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { endpoints } from './endpoints.js';
import { exampleTabs } from './examples.js';

// Headers typed in the headers editor go with every HTTP request and, for subscriptions, into
// connection_init, where the gateway reads Authorization.
const fetcher = createGraphiQLFetcher({ ...endpoints(window.location), enableIncrementalDelivery: false });

createRoot(document.getElementById('graphiql')).render(
  <GraphiQL fetcher={fetcher} defaultTabs={exampleTabs} plugins={[explorerPlugin()]} />,
);
