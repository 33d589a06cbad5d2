package org.neuralgraph.render;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.core.graph.NodeLayout;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.junit.jupiter.api.Assertions.*;

class Mp4VideoTest {

    @TempDir Path dir;

    @Test
    void oneVideoFramePerCheckpoint() throws IOException {
        NodeLayout layout = new NodeLayout(new float[]{0, 10, 10, 0}, new float[]{0, 0, 10, 10},
                new int[]{0xD62728, 0x2CA02C, 0x1F77B4, 0xFF7F0E}, new float[]{1, 1, 1, 1});
        List<AnimationFrame> frames = new ArrayList<>();
        for (int epoch = 1; epoch <= 5; epoch++) {
            frames.add(new AnimationFrame(new boolean[]{true, true, true, epoch != 2}, new int[]{0, 1, 2},
                    new int[]{1, 2, 3}, new double[]{epoch, epoch / 2.0, 1}, "mlp",
                    List.of("epoch " + epoch, "test accuracy 0." + (5 + epoch))));
        }
        FrameRenderer renderer = new FrameRenderer(layout, 320, 240, AnimationFrame.maxWeight(frames));
        Path mp4 = dir.resolve("training.mp4");

        Mp4Video.write(renderer.images(frames), 400, mp4);

        AVFormatContext format = new AVFormatContext(null);
        assertEquals(0, avformat_open_input(format, mp4.toString(), null, (AVDictionary) null));
        try {
            assertTrue(avformat_find_stream_info(format, (AVDictionary) null) >= 0);
            assertEquals(1, format.nb_streams());
            AVCodecParameters video = format.streams(0).codecpar();
            assertEquals(AVMEDIA_TYPE_VIDEO, video.codec_type());
            assertTrue(video.codec_id() == AV_CODEC_ID_H264 || video.codec_id() == AV_CODEC_ID_MPEG4,
                    "codec " + avcodec_get_name(video.codec_id()).getString());
            assertEquals(320, video.width());
            assertEquals(240, video.height());
            assertEquals(frames.size(), videoPackets(format));
            assertEquals(5 * 0.4, format.duration() / (double) AV_TIME_BASE, 0.05, "duration in seconds");
        } finally {
            avformat_close_input(format);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(mp4), files.collect(Collectors.toList()), "no temporary file left");
        }
    }

    @Test
    void badParametersAreNamedAndLeaveNoFile() throws IOException {
        Path mp4 = dir.resolve("bad.mp4");
        BufferedImage odd = new BufferedImage(33, 20, BufferedImage.TYPE_INT_RGB);
        BufferedImage even = new BufferedImage(32, 20, BufferedImage.TYPE_INT_RGB);
        BufferedImage other = new BufferedImage(32, 22, BufferedImage.TYPE_INT_RGB);
        assertMessageStarts("frames", () -> Mp4Video.write(List.of(), 100, mp4));
        assertMessageStarts("delayMillis", () -> Mp4Video.write(List.of(even), 0, mp4));
        assertMessageStarts("frames", () -> Mp4Video.write(List.of(odd), 100, mp4));
        assertMessageStarts("frames", () -> Mp4Video.write(List.of(even, other), 100, mp4));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    private interface Write { void run() throws IOException; }

    private static void assertMessageStarts(String parameter, Write write) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, write::run);
        assertTrue(e.getMessage().startsWith(parameter), e.getMessage());
    }

    private static int videoPackets(AVFormatContext format) {
        AVPacket packet = av_packet_alloc();
        try {
            int count = 0;
            while (av_read_frame(format, packet) >= 0) {
                if (packet.stream_index() == 0) count++;
                av_packet_unref(packet);
            }
            return count;
        } finally {
            av_packet_free(packet);
        }
    }
}
