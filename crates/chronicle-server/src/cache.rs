//! A small LRU cache of serialised timelines, keyed by the normalised request.
//!
//! Invalidation is by generation: an ingest that adds articles bumps the generation and
//! clears the map; a timeline computed before the bump (on the old data) is not inserted
//! after it, because `insert` carries the generation its computation started under.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::body::Bytes;

use crate::api::TimelineRequest;

/// See the module documentation.
pub struct TimelineCache {
    capacity: usize,
    generation: AtomicU64,
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    tick: u64,
    entries: HashMap<TimelineRequest, (Bytes, u64)>,
}

impl TimelineCache {
    /// A cache of at most `capacity` timelines (0 disables caching).
    pub fn new(capacity: usize) -> Self {
        TimelineCache {
            capacity,
            generation: AtomicU64::new(0),
            inner: Mutex::new(Inner::default()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The current generation: read it before computing a timeline, pass it to
    /// [`TimelineCache::insert`].
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    /// The cached JSON for `key`, marking it recently used.
    pub fn get(&self, key: &TimelineRequest) -> Option<Bytes> {
        let mut inner = self.lock();
        inner.tick += 1;
        let tick = inner.tick;
        inner.entries.get_mut(key).map(|(bytes, used)| {
            *used = tick;
            bytes.clone()
        })
    }

    /// Caches `value` for `key` unless the data changed since `generation` was read.
    /// Evicts the least recently used entry when full.
    pub fn insert(&self, key: TimelineRequest, value: Bytes, generation: u64) {
        if self.capacity == 0 {
            return;
        }
        let mut inner = self.lock();
        // Checked under the lock: `invalidate` bumps the generation under it too.
        if self.generation() != generation {
            return;
        }
        inner.tick += 1;
        let tick = inner.tick;
        if !inner.entries.contains_key(&key)
            && inner.entries.len() >= self.capacity
            && let Some(oldest) = inner
                .entries
                .iter()
                .min_by_key(|(_, (_, used))| *used)
                .map(|(k, _)| k.clone())
        {
            inner.entries.remove(&oldest);
        }
        inner.entries.insert(key, (value, tick));
    }

    /// Drops every entry (the data changed).
    pub fn invalidate(&self) {
        let mut inner = self.lock();
        self.generation.fetch_add(1, Ordering::SeqCst);
        inner.entries.clear();
    }

    /// Number of cached timelines.
    pub fn len(&self) -> usize {
        self.lock().entries.len()
    }

    /// Whether nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(q: &str) -> TimelineRequest {
        TimelineRequest {
            query: Some(q.into()),
            ..Default::default()
        }
    }

    #[test]
    fn evicts_the_least_recently_used() {
        let cache = TimelineCache::new(2);
        let g = cache.generation();
        cache.insert(key("a"), Bytes::from("A"), g);
        cache.insert(key("b"), Bytes::from("B"), g);
        assert!(cache.get(&key("a")).is_some()); // a is now more recent than b
        cache.insert(key("c"), Bytes::from("C"), g);
        assert!(cache.get(&key("b")).is_none());
        assert_eq!(cache.get(&key("a")).unwrap(), "A");
        assert_eq!(cache.get(&key("c")).unwrap(), "C");
        assert_eq!(cache.len(), 2);
    }

    #[test]
    fn stale_results_are_not_inserted_after_invalidation() {
        let cache = TimelineCache::new(4);
        let before = cache.generation();
        cache.insert(key("a"), Bytes::from("A"), before);
        cache.invalidate();
        assert!(cache.is_empty());
        cache.insert(key("b"), Bytes::from("old"), before);
        assert!(cache.get(&key("b")).is_none());
        cache.insert(key("b"), Bytes::from("new"), cache.generation());
        assert_eq!(cache.get(&key("b")).unwrap(), "new");
    }
}
