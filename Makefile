# The two commands of the README: `make run` and `make test`.
# Both install what is missing, build, and then serve or test.

BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)

.PHONY: deps configure build release run test fuzz sanitize soak hardening bench format clean

deps:
	@./scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	@mkdir -p data
	./$(BUILD_DIR)/tessera serve --listen 127.0.0.1:8080 --data-dir ./data

# Every test of the build, then each fuzz target for 20 s (scripts/fuzz.sh).
test: build
	@./scripts/install-node-deps.sh
	@./scripts/run-tests.sh $(BUILD_DIR)
	@./scripts/fuzz.sh 20

# Hardening (docs/security.md): longer fuzzing, the ASan + UBSan and TSan
# runs of the C++ suites, and the 10-minute soak; `make hardening` runs the
# tests and all three. .ci/run runs `make test` and `make sanitize`.
FUZZ_SECONDS ?= 300
SOAK_SECONDS ?= 600

fuzz: deps
	@./scripts/fuzz.sh $(FUZZ_SECONDS)

sanitize: build
	@./scripts/sanitize.sh

soak: release
	@./bench/soak/run.sh build-release/tessera $(SOAK_SECONDS)

hardening: test sanitize soak fuzz

# Benchmarks: a Release build measured with wrk (see bench/README.md);
# BENCH_BACKEND=postgres measures on PostgreSQL.
release: deps
	@cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DTESSERA_BUILD_TESTS=OFF >/dev/null
	@cmake --build build-release -j $(JOBS)

bench: release
	@./bench/run.sh build-release/tessera
	@./build-release/micro_benchmarks --benchmark_min_time=1

format:
	@find src tests bench -name '*.cpp' -o -name '*.h' | xargs clang-format -i
	@./scripts/install-node-deps.sh web
	@cd web && npm run --silent format >/dev/null

clean:
	rm -rf $(BUILD_DIR)
