//! Where the related list's index comes from. The reader builds it on a
//! thread of its own when the first related list is opened (about 0.6 s
//! at 10 000 reports, which `R` must not freeze for, nor the keys typed
//! meanwhile; and some 70 MB a reader who never asks should not pay for),
//! and the event loop hands it over when it arrives. The worker lives as
//! long as its library's app: when the library is replaced (or the reader
//! quits), a build still running stops at its next report, and the event
//! loop drops an index of a library since replaced (its message carries
//! the library's generation). Tests (and anything without threads) build
//! it in the caller's thread when first asked, or hold it pending to see
//! the list wait for it.

use baogao_compare::RelatedIndex;
use baogao_report::library::Library;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Sender};
use std::thread;

/// Where the app's index comes from, and the index once it is here.
#[derive(Debug)]
pub(crate) struct Indexing {
    index: Option<RelatedIndex>,
    source: Source,
}

#[derive(Debug)]
enum Source {
    /// Built in the caller's thread the first time it is asked for.
    Inline,
    /// A worker builds it; `asked` once the build was requested.
    Background { builder: Builder, asked: bool },
}

impl Indexing {
    /// Built when first asked for, in the caller's thread.
    pub(crate) fn inline() -> Indexing {
        Indexing {
            index: None,
            source: Source::Inline,
        }
    }

    /// Ready from the start.
    #[cfg(test)]
    pub(crate) fn ready(index: RelatedIndex) -> Indexing {
        Indexing {
            index: Some(index),
            source: Source::Inline,
        }
    }

    /// Pending until an index is received: no worker builds it.
    #[cfg(test)]
    pub(crate) fn pending() -> Indexing {
        let (requests, _) = mpsc::channel();
        Indexing::background(Builder { requests })
    }

    /// Built by `builder`, from the first [`Indexing::start`] on.
    pub(crate) fn background(builder: Builder) -> Indexing {
        Indexing {
            index: None,
            source: Source::Background {
                builder,
                asked: false,
            },
        }
    }

    /// Ask the worker for the build, once: the first related list opened
    /// calls this.
    pub(crate) fn start(&mut self) {
        if let Source::Background { builder, asked } = &mut self.source
            && !*asked
            && self.index.is_none()
        {
            builder.request();
            *asked = true;
        }
    }

    /// The index, if it is here; the inline source builds it now.
    pub(crate) fn get(&mut self, library: &Library) -> Option<&RelatedIndex> {
        if matches!(self.source, Source::Inline) && self.index.is_none() {
            self.index = Some(RelatedIndex::build(library));
        }
        self.index.as_ref()
    }

    /// Take the worker's finished build.
    pub(crate) fn receive(&mut self, index: RelatedIndex) {
        self.index = Some(index);
    }
}

/// The app's end of a worker: asks for the build.
#[derive(Debug)]
pub(crate) struct Builder {
    requests: Sender<()>,
}

impl Builder {
    fn request(&self) {
        // A worker gone (its guard dropped) builds nothing: the list keeps
        // saying it is building, which only happens while quitting.
        let _ = self.requests.send(());
    }
}

/// Stops the worker when dropped (also when unwinding from a panic): a
/// build running stops at its next report, so the scope that waits for
/// the worker does not wait for the build.
#[derive(Debug)]
pub(crate) struct BuilderGuard {
    requests: Sender<()>,
    stop: Arc<AtomicBool>,
}

impl Drop for BuilderGuard {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        // Wakes a worker still waiting for its request.
        let _ = self.requests.send(());
    }
}

/// Start a worker in `scope` that builds `library`'s index when asked;
/// `deliver` hands the build to the event loop (false: nobody listens).
/// It waits on its channel, taking no time until asked, and builds once.
pub(crate) fn spawn<'scope>(
    scope: &'scope thread::Scope<'scope, '_>,
    library: &'scope Library,
    deliver: impl Fn(RelatedIndex) -> bool + Send + 'scope,
) -> (Builder, BuilderGuard) {
    let (requests, inbox) = mpsc::channel::<()>();
    let stop = Arc::new(AtomicBool::new(false));
    let stopped = Arc::clone(&stop);
    scope.spawn(move || {
        if inbox.recv().is_err() || stopped.load(Ordering::Relaxed) {
            return;
        }
        lower_priority();
        if let Some(index) = RelatedIndex::build_until(library, || stopped.load(Ordering::Relaxed))
        {
            deliver(index);
        }
    });
    let builder = Builder {
        requests: requests.clone(),
    };
    (builder, BuilderGuard { requests, stop })
}

/// How much lower than the reader's the builder's priority is: a nice
/// value of 10 gives it about a tenth of a core the event loop wants too.
#[cfg(target_os = "linux")]
const NICENESS: i32 = 10;

/// Make the calling thread yield to the event loop: on Linux a thread has
/// a nice value of its own. Elsewhere it builds at the same priority (on a
/// thread of its own all the same); a refusal changes nothing either.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    {
        let me = rustix::thread::gettid();
        let _ = rustix::process::setpriority_process(Some(me), NICENESS);
    }
}
