# Sourced by the storage benchmarks: start_azurite NAME starts `oomlab azurite` with its data in $work/azurite-NAME (any
# earlier one of this script is stopped first) and sets $cs to its connection string. A background job ignores SIGINT
# in a script, so Azurite (oomlab azurite and its node child) is stopped with SIGTERM, here and by stop_azurite.
stop_azurite() { pkill -TERM -f "$work/azurite" 2>/dev/null || true; }
start_azurite() {
  stop_azurite
  sleep 1
  "$oomlab" azurite --location "$work/azurite-$1" > "$work/azurite-$1.out" 2>&1 &
  for _ in $(seq 100); do [[ -s "$work/azurite-$1.out" ]] && break; sleep 0.2; done
  cs=$(head -1 "$work/azurite-$1.out")
}
