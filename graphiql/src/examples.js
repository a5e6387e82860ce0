import dashboard from '../examples/1-dashboard.graphql?raw';
import conversationMessages from '../examples/2-conversation-messages.graphql?raw';
import filters from '../examples/3-filters.graphql?raw';
import backwardPagingAndNode from '../examples/4-backward-paging-and-node.graphql?raw';
import postMessage from '../examples/5-post-message.graphql?raw';
import messageAdded from '../examples/6-message-added.graphql?raw';

/** The README's example queries, one tab each; the conversation id is one the fixtures seed in chat and public. */
export const exampleTabs = [
  { query: dashboard },
  { query: conversationMessages, variables: JSON.stringify({ id: '849d46ba-b116-f4a1-3f76-0ed765f6f377', after: null }, null, 2) },
  { query: filters },
  { query: backwardPagingAndNode },
  { query: postMessage },
  { query: messageAdded },
];
