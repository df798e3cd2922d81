#!/usr/bin/env python3
"""Where the Kafka Streams threads spend their Java time, from a JFR recording of `bench`.

Reads jdk.ExecutionSample events (Java frames only: time in native code such as ONNX Runtime's
inference is not in them) of the threads named *-StreamThread-N (not their producers' network
threads, not the broker's) and prints, as a share of those samples:
  - the frames of interest below, counted when anywhere on the stack (inclusive);
  - the top frames (self: the frame executing when sampled).

usage: stream_thread_shares.py RECORDING.jfr [--from HH:MM:SS --to HH:MM:SS] [--top N] [--native]
  --from/--to  the wall-clock window to count (the bench's throughput phase), as JFR prints times
  --native     jdk.NativeMethodSample instead (which native method a thread was in)
Needs the JDK's `jfr` tool on the PATH.
"""
import argparse
import collections
import json
import subprocess

OF_INTEREST = [
    'io.leadstream.app.streams.processors.ParseRecordProcessor.process',
    'io.leadstream.app.streams.serde.SingleObjectDecoder.decode',
    'io.leadstream.app.streams.processors.ReadTextProcessor.process',
    'java.security.MessageDigest.getInstance',
    'io.leadstream.models.inference.TextEmbeddingTranslator.batchProcessOutput',
    'io.leadstream.app.streams.processors.ScoreLeadProcessor.process',
    'io.leadstream.models.scoring.ReasonExplainer.explainAt',
    'java.lang.String.format',
    'io.leadstream.app.streams.processors.TrackLeadProcessor.process',
    'io.leadstream.app.streams.state.LeadHistory.add',
    'io.leadstream.app.streams.state.LeadHistory.scan',
    'io.leadstream.schema.kafka.SingleObjectSerde.encode',
    'org.apache.kafka.streams.processor.internals.SinkNode.process',
    'org.apache.kafka.streams.processor.internals.RecordCollectorImpl.send',
    'org.apache.kafka.streams.processor.internals.TaskManager.commit',
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('recording')
    parser.add_argument('--from', dest='start')
    parser.add_argument('--to', dest='end')
    parser.add_argument('--top', type=int, default=15)
    parser.add_argument('--native', action='store_true')
    args = parser.parse_args()
    event = 'jdk.NativeMethodSample' if args.native else 'jdk.ExecutionSample'
    printed = subprocess.run(
        ['jfr', 'print', '--json', '--stack-depth', '96', '--events', event, args.recording],
        capture_output=True, text=True, check=True).stdout
    stacks = []
    for e in json.loads(printed)['recording']['events']:
        values = e['values']
        thread = (values.get('sampledThread') or {}).get('javaName') or ''
        if '-StreamThread-' not in thread or thread.endswith('-producer'):
            continue
        at = values['startTime'][11:19]
        if (args.start and at < args.start) or (args.end and at > args.end):
            continue
        frames = [f['method']['type']['name'].replace('/', '.') + '.' + f['method']['name']
                  for f in (values.get('stackTrace') or {}).get('frames', [])]
        if frames:
            stacks.append(frames)
    n = len(stacks)
    print(f'{event}: {n} samples on the stream threads')
    if not n:
        return
    if not args.native:
        print('\non the stack (inclusive):')
        on_stack = [set(s) for s in stacks]
        for frame in OF_INTEREST:
            print(f'{100 * sum(frame in s for s in on_stack) / n:5.1f} %  {frame}')
    print('\ntop frames (self):')
    for frame, count in collections.Counter(s[0] for s in stacks).most_common(args.top):
        print(f'{100 * count / n:5.1f} %  {frame}')


if __name__ == '__main__':
    main()
