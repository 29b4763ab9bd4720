//! The classroom's accept loop: each connection served by hyper's HTTP/1 under the router of
//! [`super::http`], with the bounds `axum::serve` leaves open.
//!
//! `axum::serve` installs no timer in hyper, and without one hyper's deadline for reading a
//! request's head does nothing: a client that opens connections and sends a header a byte a
//! minute (slowloris) holds them for ever, and the projector and the trainees' moves then
//! wait behind a full file-descriptor table. Here a request's line and headers must arrive
//! within [`HEADER_TIMEOUT`] (the body has its own, in the router), at most
//! [`MAX_CONNECTIONS`] connections are open at once (the next waits in the kernel's backlog
//! until one closes), and a stop lets requests under way finish for at most [`DRAIN`].

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{Semaphore, watch};

/// A request's line and headers must arrive within this, counted from the connection's
/// opening or the end of its previous answer (so a connection idle this long is closed too).
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// Connections open at once. A class of 60 trainees, each browser with a few connections,
/// and the projector's live stream need a few hundred; the process may open 1,024 files.
pub const MAX_CONNECTIONS: usize = 768;
/// On a stop, how long requests under way may take to finish (the projector's live streams
/// never finish by themselves).
pub const DRAIN: Duration = Duration::from_secs(3);

/// Serve `router` on `listener` until `stop` resolves.
pub async fn serve(
    listener: TcpListener,
    router: axum::Router,
    stop: impl Future<Output = ()>,
) -> Result<(), String> {
    let permits = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    // Closed (dropped) to ask every connection to finish its request and close.
    let (closing, closed) = watch::channel(());
    let mut stop = std::pin::pin!(stop);
    loop {
        let permit = tokio::select! {
            p = permits.clone().acquire_owned() => p.map_err(|e| e.to_string())?,
            () = &mut stop => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of file descriptors, or a connection reset before it was taken:
                    // wait a moment rather than spin, and carry on.
                    if !is_connection_error(&e) {
                        eprintln!("accepting a connection failed: {e}");
                        tokio::time::sleep(Duration::from_secs(1)).await;
                    }
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(router.clone());
        let mut closed = closed.clone();
        tokio::spawn(async move {
            let conn = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .serve_connection(TokioIo::new(stream), service);
            let mut conn = std::pin::pin!(conn);
            tokio::select! {
                _ = conn.as_mut() => {}
                _ = closed.changed() => {
                    conn.as_mut().graceful_shutdown();
                    let _ = tokio::time::timeout(DRAIN, conn).await;
                }
            }
            drop(permit);
        });
    }
    drop(closing);
    // Every connection holds a permit until it is done: wait for them all (each gives up
    // within DRAIN of the stop).
    let _ = tokio::time::timeout(
        DRAIN + Duration::from_secs(1),
        permits.acquire_many(MAX_CONNECTIONS as u32),
    )
    .await;
    Ok(())
}

/// Errors of one connection, not of the listener (as `axum::serve` sorts them).
fn is_connection_error(e: &std::io::Error) -> bool {
    use std::io::ErrorKind::*;
    matches!(
        e.kind(),
        ConnectionRefused | ConnectionAborted | ConnectionReset
    )
}
