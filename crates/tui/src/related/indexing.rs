//! Where the related list's index comes from. The reader builds it on a
//! thread of its own when the first related list is opened (about 0.6 s
//! at 10 000 reports, which `R` must not freeze for, nor the keys typed
//! meanwhile; and some 70 MB a reader who never asks should not pay for),
//! and the event loop hands it over when it arrives. Each build is numbered: a
//! build for a library that has since been replaced stops at its next
//! report and, if it finished first, is dropped on arrival. Tests (and
//! anything without threads) build it in the caller's thread when first
//! asked, or hold it pending to see the list wait for it.

use baogao_compare::RelatedIndex;
use baogao_report::library::Library;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Sender};
use std::thread;

/// The number no build has: a worker told it stops.
const STOP: u64 = u64::MAX;

/// A finished build, for the event loop to hand to the app.
#[derive(Debug)]
pub(crate) struct Built {
    /// The number of the build asked for.
    pub(crate) generation: u64,
    pub(crate) index: RelatedIndex,
}

/// Where the app's index comes from, and the index once it is here.
#[derive(Debug)]
pub(crate) struct Indexing {
    /// The number of the build whose index is wanted.
    generation: u64,
    index: Option<RelatedIndex>,
    source: Source,
}

#[derive(Debug)]
enum Source {
    /// Built in the caller's thread the first time it is asked for.
    Inline,
    /// A worker builds it; `asked` once the current build was requested.
    Background { builder: Builder, asked: bool },
}

impl Indexing {
    /// Built when first asked for, in the caller's thread.
    pub(crate) fn inline() -> Indexing {
        Indexing {
            generation: 0,
            index: None,
            source: Source::Inline,
        }
    }

    /// Ready from the start.
    #[cfg(test)]
    pub(crate) fn ready(index: RelatedIndex) -> Indexing {
        Indexing {
            generation: 0,
            index: Some(index),
            source: Source::Inline,
        }
    }

    /// Pending until a [`Built`] is received: no worker builds it.
    #[cfg(test)]
    pub(crate) fn pending() -> Indexing {
        let (requests, _) = mpsc::channel();
        Indexing::background(Builder {
            requests,
            wanted: Arc::new(AtomicU64::new(STOP)),
        })
    }

    /// A build of the current generation, as a worker would deliver it.
    #[cfg(test)]
    pub(crate) fn built(&self, index: RelatedIndex) -> Built {
        Built {
            generation: self.generation,
            index,
        }
    }

    /// Built by `builder`, from the first [`Indexing::start`] on.
    pub(crate) fn background(builder: Builder) -> Indexing {
        Indexing {
            generation: 0,
            index: None,
            source: Source::Background {
                builder,
                asked: false,
            },
        }
    }

    /// Ask the worker for the current build, once: the first related list
    /// opened calls this.
    pub(crate) fn start(&mut self) {
        if let Source::Background { builder, asked } = &mut self.source
            && !*asked
            && self.index.is_none()
        {
            builder.request(self.generation);
            *asked = true;
        }
    }

    /// Forget the index: the library changed. A build running for the old
    /// one stops, and the next [`Indexing::start`] asks for a new one.
    pub(crate) fn restart(&mut self) {
        self.generation += 1;
        self.index = None;
        if let Source::Background { builder, asked } = &mut self.source {
            builder.cancel();
            *asked = false;
        }
    }

    /// The index, if it is here; the inline source builds it now.
    pub(crate) fn get(&mut self, library: &Library) -> Option<&RelatedIndex> {
        if matches!(self.source, Source::Inline) && self.index.is_none() {
            self.index = Some(RelatedIndex::build(library));
        }
        self.index.as_ref()
    }

    /// Take a finished build; false (and dropped) when it is of a library
    /// since replaced.
    pub(crate) fn receive(&mut self, built: Built) -> bool {
        if built.generation != self.generation {
            return false;
        }
        self.index = Some(built.index);
        true
    }
}

/// The app's end of a worker: asks for builds.
#[derive(Debug)]
pub(crate) struct Builder {
    requests: Sender<u64>,
    /// The build the app wants; a running build of another number stops.
    wanted: Arc<AtomicU64>,
}

impl Builder {
    fn request(&self, generation: u64) {
        self.wanted.store(generation, Ordering::Relaxed);
        // A worker gone (its guard dropped) builds nothing: the list keeps
        // saying it is building, which only happens while quitting.
        let _ = self.requests.send(generation);
    }

    fn cancel(&self) {
        self.wanted.store(STOP, Ordering::Relaxed);
    }
}

/// Stops the worker when dropped (also when unwinding from a panic): a
/// build running stops at its next report, so the scope that waits for
/// the worker does not wait for the build.
#[derive(Debug)]
pub(crate) struct BuilderGuard {
    requests: Sender<u64>,
    wanted: Arc<AtomicU64>,
}

impl Drop for BuilderGuard {
    fn drop(&mut self) {
        self.wanted.store(STOP, Ordering::Relaxed);
        let _ = self.requests.send(STOP);
    }
}

/// Start a worker in `scope` that builds `library`'s index when asked;
/// `deliver` hands each build to the event loop (false: nobody listens, and
/// the worker ends). It waits on its channel, taking no time until asked.
pub(crate) fn spawn<'scope>(
    scope: &'scope thread::Scope<'scope, '_>,
    library: &'scope Library,
    deliver: impl Fn(Built) -> bool + Send + 'scope,
) -> (Builder, BuilderGuard) {
    let (requests, inbox) = mpsc::channel::<u64>();
    let wanted = Arc::new(AtomicU64::new(STOP));
    let watched = Arc::clone(&wanted);
    scope.spawn(move || {
        lower_priority();
        while let Ok(mut generation) = inbox.recv() {
            while let Ok(newer) = inbox.try_recv() {
                generation = newer;
            }
            if generation == STOP {
                break;
            }
            let Some(index) = RelatedIndex::build_until(library, || {
                watched.load(Ordering::Relaxed) != generation
            }) else {
                continue;
            };
            if !deliver(Built { generation, index }) {
                break;
            }
        }
    });
    let builder = Builder {
        requests: requests.clone(),
        wanted: Arc::clone(&wanted),
    };
    (builder, BuilderGuard { requests, wanted })
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
