#include "http/server.hpp"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>
#include <cerrno>
#include <condition_variable>
#include <csignal>
#include <cstring>
#include <list>
#include <mutex>
#include <random>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "core/strings.hpp"
#include "http/error_response.hpp"
#include "http/request_parse.hpp"

namespace xiaoan::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using asio::awaitable;
using asio::use_awaitable;
using tcp = asio::ip::tcp;
constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

namespace {

std::atomic<std::uint64_t> g_request_counter{0};
std::string NewRequestId() {
  static const std::uint64_t prefix = std::random_device{}();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%08llx%08llx",
                static_cast<unsigned long long>(prefix & 0xffffffffULL),
                static_cast<unsigned long long>(++g_request_counter));
  return buf;
}

struct SessionSlot {
  beast::tcp_stream* stream = nullptr;
  bool idle = false;
  bool evicted = false;  // closed to make room for a new connection
  std::chrono::steady_clock::time_point idle_since;
};

struct Worker {
  asio::io_context ctx{1};
  std::unique_ptr<tcp::acceptor> acceptor;
  std::list<SessionSlot> sessions;              // touched only on this worker's thread
  std::unique_ptr<asio::steady_timer> sweeper;  // closes idle connections under pressure
  bool stopping = false;
  std::thread thread;
};

}  // namespace

struct HttpServer::Impl {
  ServerOptions options;
  ServerCallbacks callbacks;
  std::vector<std::unique_ptr<Worker>> workers;
  std::unique_ptr<asio::thread_pool> blocking;
  unsigned short bound_port = 0;
  std::atomic<bool> stopped{false};
  // Requests taken by dispatch_in_write_batch and not yet answered: Stop waits for them, since
  // their answers are posted to the I/O contexts.
  std::mutex batched_mu;
  std::condition_variable batched_cv;
  int batched_in_flight = 0;

  void EndBatched() {
    std::lock_guard lock(batched_mu);
    if (--batched_in_flight == 0) batched_cv.notify_all();
  }

  // A request that may write: in the store's write batch when the dispatcher takes it, else on
  // the blocking pool. Either way the answer comes back to this session's I/O thread.
  awaitable<HttpResponse> DispatchWrite(HttpRequest& req) {
    auto ex = co_await asio::this_coro::executor;
    co_return co_await asio::async_initiate<decltype(use_awaitable), void(HttpResponse)>(
        [this, &req, ex](auto handler) {
          auto h = std::make_shared<decltype(handler)>(std::move(handler));
          auto reply = [h, ex](HttpResponse res) {
            asio::post(ex, [h, res = std::move(res)]() mutable { std::move (*h)(std::move(res)); });
          };
          if (callbacks.dispatch_in_write_batch) {
            // Counted before it is offered: the reply may come before the offer returns.
            {
              std::lock_guard lock(batched_mu);
              ++batched_in_flight;
            }
            auto counted = [this, reply](HttpResponse res) {
              reply(std::move(res));
              EndBatched();
            };
            if (callbacks.dispatch_in_write_batch(req, counted)) return;
            EndBatched();
          }
          asio::post(blocking->get_executor(),
                     [this, &req, reply] { reply(callbacks.dispatch(req)); });
        },
        use_awaitable);
  }

  // Large request bodies being read or served (ServerOptions::max_body_bytes_in_flight).
  static constexpr std::size_t kLargeBody = 1024 * 1024;
  std::mutex body_mu;
  std::size_t body_bytes_in_flight = 0;

  bool ReserveBody(std::size_t bytes) {
    std::lock_guard lock(body_mu);
    if (body_bytes_in_flight + bytes > options.max_body_bytes_in_flight) return false;
    body_bytes_in_flight += bytes;
    return true;
  }
  void ReleaseBody(std::size_t bytes) {
    if (bytes == 0) return;
    std::lock_guard lock(body_mu);
    body_bytes_in_flight -= bytes;
  }

  // Open connections, in all and per client address (shared by the worker threads).
  std::atomic<int> open_connections{0};
  std::mutex address_mu;
  std::unordered_map<std::string, int> per_address;

  bool UnderPressure() const {
    return open_connections.load() * 4 >= std::max(1, options.max_connections) * 3;
  }
  std::chrono::seconds IdleTimeout() const {
    return std::chrono::seconds(UnderPressure() ? std::min(options.idle_timeout_seconds,
                                                           options.pressure_idle_timeout_seconds)
                                                : options.idle_timeout_seconds);
  }

  void ReleaseAddress(const std::string& address) {
    if (options.max_connections_per_address <= 0) return;
    std::lock_guard lock(address_mu);
    auto it = per_address.find(address);
    if (it != per_address.end() && --it->second <= 0) per_address.erase(it);
  }

  // Whether a new connection from `address` may stay open. At the total cap, the oldest idle
  // connection of this worker is closed to make room (an idle keep-alive connection costs the
  // client nothing to reopen); without one, the new connection is refused.
  bool Admit(Worker& w, const std::string& address) {
    if (options.max_connections_per_address > 0) {
      std::lock_guard lock(address_mu);
      int& n = per_address[address];
      if (n >= options.max_connections_per_address) return false;
      ++n;
    }
    if (open_connections.load() >= options.max_connections) {
      bool evicted = false;
      for (auto& slot : w.sessions) {
        if (slot.idle && !slot.evicted) {
          slot.evicted = true;
          boost::system::error_code ec;
          slot.stream->socket().cancel(ec);
          evicted = true;
          break;
        }
      }
      if (!evicted) {
        ReleaseAddress(address);
        return false;
      }
    }
    ++open_connections;
    return true;
  }

  // Under pressure, idle connections opened before it wait no longer than new ones: each second
  // this worker closes those idle for pressure_idle_timeout_seconds.
  awaitable<void> Sweep(Worker& w) {
    const auto limit = std::chrono::seconds(options.pressure_idle_timeout_seconds);
    for (;;) {
      w.sweeper->expires_after(std::chrono::seconds(1));
      auto [ec] = co_await w.sweeper->async_wait(kTuple);
      if (ec || w.stopping) co_return;
      if (!UnderPressure()) continue;
      const auto now = std::chrono::steady_clock::now();
      for (auto& slot : w.sessions) {
        if (slot.idle && !slot.evicted && now - slot.idle_since >= limit) {
          slot.evicted = true;
          boost::system::error_code cec;
          slot.stream->socket().cancel(cec);
        }
      }
    }
  }

  awaitable<void> Accept(Worker& w) {
    for (;;) {
      auto [ec, socket] = co_await w.acceptor->async_accept(kTuple);
      if (ec) {
        if (ec == asio::error::operation_aborted || w.stopping) co_return;
        // Out of file descriptors and similar: back off briefly instead of spinning.
        asio::steady_timer t(w.ctx, std::chrono::milliseconds(50));
        co_await t.async_wait(kTuple);
        continue;
      }
      boost::system::error_code aec;
      const auto ep = socket.remote_endpoint(aec);
      const std::string address = aec ? std::string() : ep.address().to_string();
      if (!Admit(w, address)) {
        socket.close(aec);
        continue;
      }
      asio::co_spawn(w.ctx, Session(w, std::move(socket), address), asio::detached);
    }
  }

  awaitable<void> Write(beast::tcp_stream& stream, HttpResponse& res, unsigned version,
                        bool keep_alive, bool head) {
    bhttp::response<bhttp::string_body> msg{static_cast<bhttp::status>(res.status), version};
    msg.set(bhttp::field::content_type, res.content_type);
    for (auto& [k, v] : res.headers) msg.insert(k, v);
    msg.keep_alive(keep_alive);
    if (head) {
      msg.content_length(res.body.size());
    } else {
      msg.body() = std::move(res.body);
      msg.prepare_payload();
    }
    stream.expires_after(std::chrono::seconds(options.read_timeout_seconds));
    if (head) {
      bhttp::response_serializer<bhttp::string_body> sr{msg};
      co_await bhttp::async_write_header(stream, sr, kTuple);
    } else {
      co_await bhttp::async_write(stream, msg, kTuple);
    }
  }

  awaitable<void> Session(Worker& w, tcp::socket socket, std::string remote) {
    beast::error_code ec;
    socket.set_option(tcp::no_delay(true), ec);
    beast::tcp_stream stream(std::move(socket));
    w.sessions.push_back({&stream, false});
    auto slot = std::prev(w.sessions.end());
    beast::flat_buffer buffer;
    // The large body of the current request, counted until its answer is written.
    struct BodyReservation {
      Impl* impl;
      std::size_t bytes = 0;
      ~BodyReservation() { impl->ReleaseBody(bytes); }
    };
    for (;;) {
      if (w.stopping) break;
      BodyReservation reserved{this};
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
      // The real limit depends on the route, known only after the header; until then the parser
      // must not reject a large Content-Length by itself (that would read as a malformed request).
      parser.body_limit(boost::none);
      slot->idle = buffer.size() == 0;
      slot->idle_since = std::chrono::steady_clock::now();
      stream.expires_after(IdleTimeout());
      auto [hec, hn] = co_await bhttp::async_read_header(stream, buffer, parser, kTuple);
      slot->idle = false;
      if (hec) {
        if (hec == bhttp::error::header_limit) {
          HttpResponse r = ProtocolError(431, "header_too_large", "请求头过大", NewRequestId());
          co_await Write(stream, r, 11, false, false);
        } else if (hec != bhttp::error::end_of_stream && hec != asio::error::operation_aborted &&
                   hec != beast::error::timeout && hec != asio::error::connection_reset &&
                   hec != asio::error::eof) {
          HttpResponse r =
              ProtocolError(400, "bad_request", "无法解析的 HTTP 请求", NewRequestId());
          co_await Write(stream, r, 11, false, false);
        }
        break;
      }
      const auto& header = parser.get();
      std::string path(header.target().substr(0, header.target().find('?')));
      const std::size_t limit = callbacks.body_limit(std::string(header.method_string()), path);
      parser.body_limit(limit);
      const unsigned version = header.version();
      const bool head = header.method() == bhttp::verb::head;
      if (!parser.is_done()) {
        if (auto len = parser.content_length(); len && *len > limit) {
          HttpResponse r =
              ProtocolError(413, "payload_too_large",
                            "请求体超过上限 " + std::to_string(limit) + " 字节", NewRequestId());
          co_await Write(stream, r, version, false, false);
          break;
        }
        const auto declared = parser.content_length();
        const std::size_t large = declared ? static_cast<std::size_t>(*declared) : limit;
        if (large > kLargeBody) {
          // A burst waits its turn (its body stays in the client's and the kernel's buffers),
          // for up to body_wait_seconds; then it is told to come back.
          bool reserved_now = ReserveBody(large);
          for (int i = 0; i < options.body_wait_seconds * 10 && !reserved_now && !w.stopping; ++i) {
            asio::steady_timer wait(w.ctx, std::chrono::milliseconds(100));
            co_await wait.async_wait(kTuple);
            reserved_now = ReserveBody(large);
          }
          if (!reserved_now) {
            HttpResponse r = ProtocolError(503, "unavailable",
                                           "服务器正在接收的上传过多，请稍后再试", NewRequestId());
            r.headers.emplace_back("Retry-After", "5");
            co_await Write(stream, r, version, false, false);
            break;
          }
          reserved.bytes = large;
        }
        stream.expires_after(std::chrono::seconds(options.read_timeout_seconds));
        auto [bec, bn] = co_await bhttp::async_read(stream, buffer, parser, kTuple);
        if (bec) {
          if (bec == bhttp::error::body_limit) {
            HttpResponse r =
                ProtocolError(413, "payload_too_large",
                              "请求体超过上限 " + std::to_string(limit) + " 字节", NewRequestId());
            co_await Write(stream, r, version, false, false);
          }
          break;
        }
      }
      auto msg = parser.release();
      HttpRequest req;
      req.request_id = NewRequestId();
      {
        ParsedParts parts;
        parts.method = msg.method_string();
        parts.target = msg.target();
        for (const auto& f : msg) parts.headers.emplace_back(f.name_string(), f.value());
        parts.body = std::move(msg.body());
        FillRequest(std::move(parts), req, remote, options.trust_forwarded_for);
      }
      const bool keep_alive = msg.keep_alive() && !w.stopping;
      HttpResponse res;
      if (msg.method() == bhttp::verb::get || head) {
        res = callbacks.dispatch(req);
      } else {
        res = co_await DispatchWrite(req);
      }
      co_await Write(stream, res, version, keep_alive, head);
      if (!keep_alive) break;
    }
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream.socket().close(ec);
    w.sessions.erase(slot);
    --open_connections;
    ReleaseAddress(remote);
  }
};

HttpServer::HttpServer(ServerOptions options, ServerCallbacks callbacks)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->callbacks = std::move(callbacks);
}

HttpServer::~HttpServer() { Stop(); }

unsigned short HttpServer::port() const { return impl_->bound_port; }

Result<unsigned short> HttpServer::Start() {
  auto& o = impl_->options;
  int n = o.threads > 0 ? o.threads : static_cast<int>(std::thread::hardware_concurrency());
  if (n <= 0) n = 1;
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(o.host, ec);
  if (ec) return InvalidArgument("listen", "无效的监听地址 " + o.host);
  // One listening socket, bound without SO_REUSEPORT so that a second process cannot bind the
  // same address and take half the connections; each worker thread accepts on a duplicate of it.
  tcp::endpoint ep(address, o.port);
  unsigned short port = o.port;
  for (int i = 0; i < n; ++i) {
    auto w = std::make_unique<Worker>();
    auto acc = std::make_unique<tcp::acceptor>(w->ctx);
    if (i == 0) {
      acc->open(ep.protocol(), ec);
      // SO_REUSEADDR only lets a restart bind over connections in TIME_WAIT; on Linux it does not
      // let two sockets listen on one address.
      if (!ec) acc->set_option(asio::socket_base::reuse_address(true), ec);
      if (!ec) acc->bind(ep, ec);
      if (!ec) acc->listen(asio::socket_base::max_listen_connections, ec);
      if (ec == asio::error::address_in_use) {
        return FailedPrecondition(
            "server.listen", "无法监听 " + o.host + ":" + std::to_string(port) + "：地址已被占用");
      }
      if (ec) {
        return Internal("无法监听 " + o.host + ":" + std::to_string(port) + "：" + ec.message());
      }
      port = acc->local_endpoint().port();
    } else {
      const int fd = ::fcntl(impl_->workers.front()->acceptor->native_handle(), F_DUPFD_CLOEXEC, 0);
      if (fd < 0) return Internal("无法复制监听套接字：" + std::string(std::strerror(errno)));
      acc->assign(ep.protocol(), fd, ec);
      if (ec) {
        ::close(fd);
        return Internal("无法复制监听套接字：" + ec.message());
      }
    }
    w->acceptor = std::move(acc);
    impl_->workers.push_back(std::move(w));
  }
  impl_->bound_port = port;
  impl_->blocking = std::make_unique<asio::thread_pool>(std::max(1, o.blocking_threads));
  for (auto& w : impl_->workers) {
    Worker& wr = *w;
    asio::co_spawn(wr.ctx, impl_->Accept(wr), asio::detached);
    wr.sweeper = std::make_unique<asio::steady_timer>(wr.ctx);
    asio::co_spawn(wr.ctx, impl_->Sweep(wr), asio::detached);
    wr.thread = std::thread([&wr] {
      for (;;) {
        try {
          wr.ctx.run();
          return;
        } catch (const std::exception& e) {
          spdlog::error("worker error: {}", e.what());
        }
      }
    });
  }
  return port;
}

void HttpServer::Stop() {
  if (impl_->stopped.exchange(true)) return;
  const auto grace = std::chrono::seconds(impl_->options.shutdown_grace_seconds);
  for (auto& w : impl_->workers) {
    Worker& wr = *w;
    asio::post(wr.ctx, [&wr, grace] {
      wr.stopping = true;
      boost::system::error_code ec;
      if (wr.acceptor) wr.acceptor->close(ec);
      if (wr.sweeper) wr.sweeper->cancel();
      // Idle keep-alive connections are closed now; busy ones close after their response.
      for (auto& s : wr.sessions) {
        if (s.idle) s.stream->socket().cancel(ec);
      }
      auto timer = std::make_shared<asio::steady_timer>(wr.ctx, grace);
      timer->async_wait([&wr, timer](const boost::system::error_code& e) {
        if (!e) wr.ctx.stop();
      });
      // Cancel the grace timer as soon as every session has finished.
      auto poll = std::make_shared<std::function<void()>>();
      auto ticker = std::make_shared<asio::steady_timer>(wr.ctx);
      *poll = [&wr, timer, ticker, poll] {
        if (wr.sessions.empty()) {
          timer->cancel();
          *poll = nullptr;
          return;
        }
        ticker->expires_after(std::chrono::milliseconds(20));
        ticker->async_wait([poll](const boost::system::error_code&) {
          if (*poll) (*poll)();
        });
      };
      (*poll)();
    });
  }
  for (auto& w : impl_->workers) {
    if (w->thread.joinable()) w->thread.join();
  }
  // Writes still running finish, on the pool or in the store's write batch.
  if (impl_->blocking) impl_->blocking->join();
  {
    std::unique_lock lock(impl_->batched_mu);
    impl_->batched_cv.wait(lock, [&] { return impl_->batched_in_flight == 0; });
  }
  // Their answers were posted to I/O contexts that may have stopped at the end of the grace
  // period: run those briefly, so that the sessions send them and end (a session still
  // suspended when its context is destroyed cannot be unwound).
  for (auto& w : impl_->workers) {
    w->ctx.restart();
    w->ctx.run_for(std::chrono::milliseconds(200));
  }
}

void HttpServer::WaitForSignal() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  int sig = 0;
  sigwait(&set, &sig);
  spdlog::info("received signal {}, shutting down", sig);
  Stop();
}

}  // namespace xiaoan::http
