"""Prometheus metrics of one server (its own registry, so several apps can live in one process)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily

from codellama.server.scheduler import Scheduler

LATENCY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300)


class Metrics:
    def __init__(self):
        self.registry = CollectorRegistry()
        self.scheduler: Scheduler | None = None
        self.requests = Counter(
            "codellama_requests",
            "HTTP requests by endpoint and status code",
            ["endpoint", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "codellama_request_duration_seconds",
            "Time from request to last byte",
            ["endpoint"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.first_token = Histogram(
            "codellama_time_to_first_token_seconds",
            "Time from request to first token",
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.filter_actions = Counter(
            "codellama_filter_actions",
            "Reports of the request/response filters",
            ["filter", "action"],
            registry=self.registry,
        )
        self.loaded = Gauge("codellama_model_loaded", "1 once the model is loaded", registry=self.registry)
        self.registry.register(_SchedulerCollector(self))

    def render(self) -> bytes:
        return generate_latest(self.registry)


class _SchedulerCollector:
    """Reads the scheduler's live figures at scrape time."""

    def __init__(self, metrics: Metrics):
        self.metrics = metrics

    def collect(self):
        scheduler = self.metrics.scheduler
        stats = scheduler.stats if scheduler else None
        yield CounterMetricFamily(
            "codellama_prompt_tokens", "Prompt tokens prefilled", value=stats.prompt_tokens if stats else 0
        )
        yield CounterMetricFamily(
            "codellama_generated_tokens", "Tokens generated", value=stats.generated_tokens if stats else 0
        )
        yield GaugeMetricFamily(
            "codellama_tokens_per_second",
            "Generated tokens per second over the last 5 s",
            value=stats.tokens_per_second if stats else 0,
        )
        yield GaugeMetricFamily(
            "codellama_requests_running", "Sequences in the running batch", value=scheduler.running if scheduler else 0
        )
        yield GaugeMetricFamily(
            "codellama_requests_waiting",
            "Sequences waiting for a batch slot",
            value=scheduler.waiting if scheduler else 0,
        )
        yield GaugeMetricFamily(
            "codellama_batch_slots", "Batch slots (--parallel)", value=scheduler.max_batch if scheduler else 0
        )
