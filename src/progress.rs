//! Progress of a build, stage by stage, for whoever wants to show it.
//!
//! The stages report here and know nothing of terminals: the `crossbrief` binary installs a
//! reporter that draws progress bars when standard error is a terminal, and nothing is shown
//! otherwise (or by the library's users, unless they install one).

use std::sync::{Arc, RwLock};

/// Receives the progress of the stages. Called from several threads at once.
pub trait Reporter: Send + Sync {
    /// A stage begins, with `total` steps to go (articles, pages, files).
    fn start(&self, stage: &'static str, total: u64);
    /// `n` more steps of the current stage are done.
    fn advance(&self, n: u64);
    /// The current stage is done.
    fn finish(&self);
}

static REPORTER: RwLock<Option<Arc<dyn Reporter>>> = RwLock::new(None);

/// Installs the reporter for this process (replacing any earlier one).
pub fn install(reporter: Arc<dyn Reporter>) {
    *REPORTER.write().unwrap_or_else(|e| e.into_inner()) = Some(reporter);
}

fn current() -> Option<Arc<dyn Reporter>> {
    REPORTER.read().unwrap_or_else(|e| e.into_inner()).clone()
}

/// One stage in progress; finishes when dropped.
pub struct Stage {
    reporter: Option<Arc<dyn Reporter>>,
}

/// Starts reporting `stage`, of `total` steps.
pub fn stage(name: &'static str, total: usize) -> Stage {
    let reporter = current();
    if let Some(r) = &reporter {
        r.start(name, total as u64);
    }
    Stage { reporter }
}

impl Stage {
    pub fn advance(&self) {
        if let Some(r) = &self.reporter {
            r.advance(1);
        }
    }
}

impl Drop for Stage {
    fn drop(&mut self) {
        if let Some(r) = &self.reporter {
            r.finish();
        }
    }
}
