using RtfmGym.Env.Rendering;

// Usage: dotnet run -c Release --project bench/RenderBench [frames per round]
int frames = args.Length > 0 ? int.Parse(args[0]) : 300;
Console.WriteLine(RendererBenchmark.Run(frames: frames));
