# Copytrail — the two set-up commands are `make run` and `make test`.
# Both install the Debian/Ubuntu packages they need when missing.

GO       ?= go
BIN      := ./copytrail
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export LANGUAGE ?= en_US
export LANG ?= C.UTF-8

# Packages Fyne needs to build (OpenGL/X11 headers).
BUILD_PKGS := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
              libxinerama-dev libxi-dev libxxf86vm-dev
# Packages the tests need: a virtual display for the real app, Chromium for
# the HTML report, ImageMagick for screenshots, zsh to check its completion.
TEST_PKGS  := xvfb xauth imagemagick chromium fonts-dejavu-core zsh
# Packages the desktop packages need: xz for the Linux tar.xz and the
# desktop-entry checker; mingw-w64 to cross-compile for Windows.
PACKAGE_PKGS := xz-utils desktop-file-utils
WINDOWS_PKGS := gcc-mingw-w64-x86-64

VERSION   := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LINUX_PKG  = dist/copytrail-$(VERSION)-linux-$(shell $(GO) env GOARCH).tar.xz

.PHONY: run build test deps deps-test vet bench bench-100k fuzz eval screenshots clean \
        package package-windows install uninstall test-packages beam-build beam-test beam-tidy

run: deps build
	$(BIN)

# -buildvcs=auto: the binary records its commit (copytrail --version) even
# where the Go environment turns stamping off.
build:
	$(GO) build -buildvcs=auto -o $(BIN) ./cmd/copytrail

# deps installs what is missing, via apt-get where there is one.
deps:
	@scripts/ensure-packages.sh $(BUILD_PKGS)

deps-test:
	@scripts/ensure-packages.sh $(BUILD_PKGS) $(TEST_PKGS) $(PACKAGE_PKGS) $(WINDOWS_PKGS)

# package: the Linux desktop package in dist/, built with Fyne's packager
# (fyne.io/tools, installed into bin/ on first use; see scripts/package.sh).
package:
	@scripts/ensure-packages.sh $(BUILD_PKGS) $(PACKAGE_PKGS)
	scripts/package.sh linux

# package-windows: dist/copytrail.exe, cross-compiled with mingw-w64.
package-windows:
	@scripts/ensure-packages.sh $(BUILD_PKGS) $(WINDOWS_PKGS)
	scripts/package.sh windows

# install / uninstall: the Linux package into ~/.local (no root).
install: package
	scripts/install.sh $(LINUX_PKG)

uninstall:
	scripts/install.sh --uninstall

# test-packages: build both packages, then install the Linux one into a
# temporary home (desktop-file-validate, the installed binary runs) and
# check the Windows program's icon and version resources.
test-packages:
	@$(MAKE) --no-print-directory package
	@$(MAKE) --no-print-directory package-windows
	COPYTRAIL_DIST=$(CURDIR)/dist $(GO) test -count=1 -run 'TestLinuxPackage|TestWindowsExe' ./cmd/copytrail/

vet:
	$(GO) vet ./...

# test: vet, every test (GUI tests run headless with Fyne's test driver), the
# race detector on the engine and the app bridge, brief fuzzing, the engine
# built without cgo, and both desktop packages built and checked.
test: deps-test vet
	CGO_ENABLED=0 $(GO) build ./provenance/... ./cmd/copytrail/cli/...
	$(GO) test -count=1 -timeout 30m ./...
	$(GO) test -count=1 -timeout 30m -race ./provenance/... ./app/...
	@scripts/fuzz.sh 3s
	@$(MAKE) --no-print-directory test-packages
	@$(MAKE) --no-print-directory beam-test

# beam-build / beam-test: the Apache Beam runner (cmd/copytrail-beam, its
# own Go module, so Beam's dependencies never enter the desktop build; the
# root's ./... does not descend into it). beam-test vets it and runs its
# tests on prism, Beam's in-process runner: the pipeline must write the same
# export as the local runner. Cold build: see docs/SCALE.md. -mod=mod lets a
# dependency newly added to the engine reach the module's go.sum (make
# beam-tidy records it).
beam-build:
	cd cmd/copytrail-beam && CGO_ENABLED=0 $(GO) build -mod=mod -o ../../copytrail-beam .

beam-test: beam-build
	cd cmd/copytrail-beam && $(GO) vet -mod=mod ./... && $(GO) test -mod=mod -count=1 ./...

beam-tidy:
	cd cmd/copytrail-beam && $(GO) mod tidy

fuzz:
	@scripts/fuzz.sh $${FUZZTIME:-5m}

# bench: every Go benchmark (docs/benchmarks.txt), then the scale table —
# copytrail scan beside Debian's sim_text on generated collections of 1,000
# and 10,000 articles, recall and precision against the ground truth, and a
# query of an analysed workspace (docs/BENCHMARKS.md). bench-100k: the
# 100,000-article rows (about 15 minutes with sim_text), then the app's
# benchmarks on a 100,000-article workspace (built once into the temporary
# folder, about 15 minutes more; docs/BENCHMARKS.md, "The desktop app at
# archive size"). Not part of test.
bench: build
	@scripts/ensure-packages.sh similarity-tester
	@scripts/bench.sh
	$(GO) run ./internal/scalebench -bin $(BIN) -sizes 1000,10000 -query -label "make bench" -out docs/BENCHMARKS.md

bench-100k: build
	@scripts/ensure-packages.sh similarity-tester
	$(GO) run ./internal/scalebench -bin $(BIN) -sizes 100000 -query -label "make bench-100k" -out docs/BENCHMARKS.md
	COPYTRAIL_BENCH_100K=1 LANG=C.UTF-8 LANGUAGE=en_US $(GO) test -run '^$$' -bench 'Scale100k' -benchtime 3x -benchmem -timeout 90m ./app/

clean:
	rm -rf $(BIN) dist copytrail-beam

# screenshots: the real app under Xvfb on the demo corpus (and on the real
# seed articles when SEEDS names their folder), one PNG per screen in
# docs/screenshots/.
screenshots: deps-test build
	BIN=$(BIN) scripts/screenshots.sh

# lineage-eval: the lineage targets as tests (generated lineages, wire
# rewrites, reuse corpora, the real-world families when present, the seeds and
# the demo corpus), then the measured tables of docs/lineage.md.
lineage-eval:
	CGO_ENABLED=0 $(GO) test -count=1 -run 'TestLineageTargets|TestRealWorld|TestWireRewriteTargets|TestReuseCorporaTargets|TestSeeds|TestDemoCorpus' ./provenance/lineage/... ./provenance/eval/
	CGO_ENABLED=0 $(GO) run ./provenance/eval/cmd/lineage-eval -n 20

# eval: the passage-engine targets as a test, then PAN's measures (precision,
# recall, granularity, plagdet) per edit type and preset on a generated
# collection with known reuse (the table in docs/engine.md).
eval:
	CGO_ENABLED=0 $(GO) test -count=1 -run 'TestEvalTargets|TestSeeds' ./provenance/eval/ ./provenance/scan/
	CGO_ENABLED=0 $(GO) run ./provenance/eval/cmd/evaltable

# report-screenshot: render the demo corpus report in headless Chromium and
# save docs/screenshots/report.png (export helper).
report-screenshot:
	UPDATE_SCREENSHOTS=1 CGO_ENABLED=0 $(GO) test -count=1 -run TestDemoReportInChromium ./provenance/report/
