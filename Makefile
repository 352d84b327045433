# Schul-IT Lotse — build, run and check.
#   make run    install what is missing, build, open the sample "Musterstadt" (or FILE=...)
#   make test   gofmt, go vet, all tests, the real build, a smoke test under Xvfb and the packages
#   make dist   the Windows (.zip with the .exe) and Linux (.tar.xz) packages in build/dist
SHELL   := /bin/bash
GO      ?= go
VERSION ?= $(shell sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\(.*\)"/\1/p' FyneApp.toml)
TAGS    := migrated_fynedo
LDFLAGS := -X schulit-lotse/ui.Version=$(VERSION)
BIN     := build/lotse
SAMPLE  := build/Musterstadt.lotse
FILE    ?= $(SAMPLE)
FUZZTIME ?= 20s
BENCHTIME ?= 1s
DIST    := build/dist
FYNE_TOOLS_VERSION := v1.7.4
FYNE    := build/tools/fyne
STATICCHECK_VERSION := v0.8.2
STATICCHECK := build/tools/staticcheck
LINUX_TAR := $(DIST)/schulit-lotse-$(VERSION)-linux-amd64.tar.xz
# cgo builds take turns when several run on one machine (the lock is a no-op elsewhere)
CGO_LOCK := $(shell command -v flock >/dev/null 2>&1 && echo flock /tmp/lotse-cgo.lock)

.PHONY: all build run test race bench fuzz deps clean fmt-check vet staticcheck unit smoke screenshot dist dist-linux dist-windows tools licenses sample

all: build

## build: the real binary (cgo, OpenGL/X11) in build/lotse
build:
	@mkdir -p build
	$(CGO_LOCK) $(GO) build -tags $(TAGS) -ldflags "$(LDFLAGS)" -o $(BIN) .

## run: open FILE (default: a copy of the sample in build/, created once and then kept)
run: deps build
	@if [ "$(FILE)" = "$(SAMPLE)" ] && [ ! -e "$(SAMPLE)" ]; then ./$(BIN) new --sample "$(SAMPLE)"; fi
	./$(BIN) "$(FILE)"

## test: everything CI checks
test: deps fmt-check vet staticcheck unit build smoke dist

fmt-check:
	@out=$$(gofmt -l $$(find . -name '*.go' -not -path './build/*' -not -path './.git/*')); \
	if [ -n "$$out" ]; then echo "gofmt: these files need formatting:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...
	$(GO) vet -tags ci ./...

## staticcheck: the linter, pinned, over both build variants
staticcheck: $(STATICCHECK)
	$(STATICCHECK) ./...
	$(STATICCHECK) -tags ci ./...
$(STATICCHECK):
	GOBIN=$(CURDIR)/build/tools GOFLAGS=-mod=mod $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

unit:
	$(GO) test -timeout 30m -tags ci ./...

smoke: build
	timeout 1200 scripts/smoke.sh $(BIN)
	timeout 1200 scripts/report-smoke.sh $(BIN)

## sample: write assets/sample/musterstadt.json from the builder in internal/sample
sample:
	$(GO) generate ./internal/sample

## screenshot: the README's screenshots from the real binary (scripts/screenshots.sh)
screenshot: build
	scripts/screenshots.sh $(BIN)

## dist: both packages; each is checked (PE header and resources; install into a test HOME)
dist: dist-linux dist-windows

## dist-linux: program, icon, menu entry, file type and install script for ~/.local, as .tar.xz
dist-linux: deps
	@mkdir -p $(DIST)
	$(CGO_LOCK) $(GO) build -tags $(TAGS) -ldflags "$(LDFLAGS) -s -w" -o $(DIST)/lotse-linux-amd64 .
	scripts/dist-linux.sh $(VERSION) $(DIST)/lotse-linux-amd64
	scripts/dist-check.sh $(LINUX_TAR)

## dist-windows: cross-built Windows x64 GUI program (icon, version) with the .reg files, as .zip
dist-windows: deps tools
	CGO_LOCK="$(CGO_LOCK)" scripts/dist-windows.sh $(VERSION) $(CURDIR)/$(FYNE)

## tools: the fyne packaging tool, pinned, in build/tools
tools: $(FYNE)
$(FYNE):
	GOBIN=$(CURDIR)/build/tools GOFLAGS=-mod=mod $(GO) install fyne.io/tools/cmd/fyne@$(FYNE_TOOLS_VERSION)

## licenses: collect the licence texts of the bundled libraries into assets/licenses (after go get)
licenses:
	scripts/licenses.sh

## bench: the Landkreis benchmarks, start-up under Xvfb and every Go benchmark in one table, also
## as build/bench.json (BENCHTIME=1x for a quick run)
bench: deps build
	BENCHTIME=$(BENCHTIME) CGO_LOCK="$(CGO_LOCK)" scripts/bench.sh $(BIN)

## race: the GUI packages under the race detector (slow: ui/cli alone took 24 min on two busy
## cores, hence the long timeout)
race:
	$(GO) test -race -timeout 60m -tags ci ./ui/...

## fuzz: every Fuzz target for FUZZTIME each
fuzz:
	FUZZTIME=$(FUZZTIME) scripts/fuzz.sh

## deps: Go >= 1.26 and the apt packages (installed when run as root)
deps:
	@scripts/deps.sh

clean:
	rm -rf build
