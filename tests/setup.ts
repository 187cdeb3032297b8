// Every test sees the engine as the CLI and the send-time script do: with the full free-mail list.
import '../src/engine/free-mail-full.ts';
