// Imported first by the benchmarks: the SDK's Node 22 notice would otherwise interleave with the progress line.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
