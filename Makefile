# The two commands of the README: `make run` and `make test`.
# Both install what is missing, build, and then serve or test.

BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)

.PHONY: deps configure build run test bench format clean

deps:
	@./scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	@mkdir -p data
	./$(BUILD_DIR)/tessera serve --listen 127.0.0.1:8080 --data-dir ./data

test: build
	@./scripts/install-node-deps.sh
	@./scripts/run-tests.sh $(BUILD_DIR)

# Benchmarks: a Release build measured with wrk (see bench/README.md);
# BENCH_BACKEND=postgres measures on PostgreSQL.
bench: deps
	@cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DTESSERA_BUILD_TESTS=OFF >/dev/null
	@cmake --build build-release -j $(JOBS)
	@./bench/run.sh build-release/tessera
	@./build-release/micro_benchmarks --benchmark_min_time=1

format:
	@find src tests bench -name '*.cpp' -o -name '*.h' | xargs clang-format -i
	@./scripts/install-node-deps.sh web
	@cd web && npm run --silent format >/dev/null

clean:
	rm -rf $(BUILD_DIR)
