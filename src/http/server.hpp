#pragma once
// The HTTP/1.1 server (Boost.Beast + Asio, C++20 coroutines): one io_context per thread with
// acceptors sharing one exclusively bound socket, keep-alive, header/body limits, timeouts,
// graceful shutdown.
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "http/request.hpp"

namespace xiaoan::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0 = any free port (tests)
  int threads = 0;             // 0 = one per core
  // Requests that may write (every method but GET and HEAD) run on this many blocking threads,
  // so that the I/O threads keep serving reads while writes wait for their group commit —
  // unless the dispatcher runs them in the store's write batch (dispatch_in_write_batch).
  int blocking_threads = 64;
  std::size_t max_header_bytes = 16 * 1024;
  int read_timeout_seconds = 30;
  int idle_timeout_seconds = 60;
  // Open connections in all (beyond it, an idle keep-alive connection of the accepting thread
  // is closed to make room, or the new one is refused) and per client address (the TCP peer;
  // 0: no cap, as behind nginx, whose limit_conn does it). From three quarters of
  // max_connections on, idle connections wait pressure_idle_timeout_seconds at most.
  int max_connections = 10000;
  int max_connections_per_address = 256;
  int pressure_idle_timeout_seconds = 5;
  // Request bodies larger than 1 MiB (uploads, imports) held at once, by their declared size (or
  // the route's limit when chunked): one that would pass it waits up to ten seconds, then is
  // answered 503 before its body is read, so that many large uploads cannot exhaust memory.
  std::size_t max_body_bytes_in_flight = 256 * 1024 * 1024;
  int body_wait_seconds = 10;
  int shutdown_grace_seconds = 10;
  bool trust_forwarded_for = false;
};

// What the server calls: the body limit for a request (decided after the header is read), and
// the dispatcher that turns a request into a response. A request that may write is first offered
// to dispatch_in_write_batch (if set), which may take it and answer later from another thread
// through the reply it is given; one it does not take runs on the blocking pool.
struct ServerCallbacks {
  std::function<std::size_t(const std::string& method, const std::string& path)> body_limit;
  std::function<HttpResponse(HttpRequest&)> dispatch;
  std::function<bool(HttpRequest&, std::function<void(HttpResponse)> reply)>
      dispatch_in_write_batch;
};

class HttpServer {
 public:
  HttpServer(ServerOptions options, ServerCallbacks callbacks);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and starts the worker threads; returns the bound port.
  Result<unsigned short> Start();
  // Stops accepting, lets in-flight requests finish (up to the grace period), joins threads.
  void Stop();
  // Blocks until SIGINT/SIGTERM, then Stop().
  void WaitForSignal();
  unsigned short port() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace xiaoan::http
