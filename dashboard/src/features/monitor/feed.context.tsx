import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { connectFeed } from './feed.socket.ts';
import { FeedStore, type FeedView } from './feed.store.ts';

const FeedContext = createContext<FeedStore | null>(null);

/** One live feed per open channel, shared by its pages, so switching pages keeps the scrollback. */
export function FeedProvider({ channel, children }: { channel: string; children: ReactNode }) {
  const store = useMemo(() => new FeedStore(), [channel]);
  useEffect(() => {
    store.setStatus('connecting');
    return connectFeed(channel, store);
  }, [channel, store]);
  return <FeedContext.Provider value={store}>{children}</FeedContext.Provider>;
}

export function useFeedStore(): FeedStore {
  const store = useContext(FeedContext);
  if (!store) throw new Error('useFeedStore needs a FeedProvider');
  return store;
}

export function useFeedView(): FeedView {
  const store = useFeedStore();
  return useSyncExternalStore(store.subscribe, store.getView);
}
