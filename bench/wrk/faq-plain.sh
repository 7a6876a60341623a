#!/usr/bin/env bash
# Plain-mode FAQ load with wrk against a running host (the product or `SunshineBot.Load baseline`), e.g.
#   bench/wrk/faq-plain.sh http://127.0.0.1:5700 -t2 -c200 -d15s --latency
# The host must use the load generator's token (benchToken1, see bench/SunshineBot.Load/Traffic.cs).
set -euo pipefail
url=$1; shift
token=${WECHAT_TOKEN:-benchToken1}
ts=$(date +%s); nonce=$RANDOM$RANDOM
sig=$(printf '%s\n' "$token" "$ts" "$nonce" | LC_ALL=C sort | tr -d '\n' | sha1sum | cut -d' ' -f1)
export WECHAT_PATH="/wechat?signature=$sig&timestamp=$ts&nonce=$nonce"
exec wrk -s "$(dirname "$0")/faq-plain.lua" "$@" "$url"
