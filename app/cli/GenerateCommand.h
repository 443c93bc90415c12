// ark-workbench-cli image ... and video ...: generation from the command line.
#pragma once

#include <QStringList>

namespace ark::cli {
// `args` are the words after "image". Generates one image and writes it to -o FILE (or prints one
// JSON object with --json as well). Returns the exit status.
int runImage(const QStringList& args);
// `args` are the words after "video". Creates a video task, reports its progress on standard error,
// waits for it and downloads the video to -o FILE. Returns the exit status.
int runVideo(const QStringList& args);
} // namespace ark::cli
