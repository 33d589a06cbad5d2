package org.neuralgraph.render;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerPointer;
import org.neuralgraph.core.io.AtomicFiles;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swscale.*;

/**
 * Writes images as an MP4 video with FFmpeg through bytedeco's presets ({@code org.bytedeco:ffmpeg-platform}),
 * one video frame per image, each shown {@code delayMillis} (the frame rate is {@code 1000 / delayMillis}, so a
 * checkpoint is one frame however slow the animation). Written atomically.
 *
 * <p>The codec is H.264 through OpenH264 ({@code libopenh264}, Constrained Baseline: plays in browsers, players
 * and presentation software); bytedeco's LGPL FFmpeg has no libx264. Where a build lacks OpenH264 it falls back
 * to FFmpeg's own MPEG-4 Part 2 ({@code mpeg4}), which the MP4 container also holds. Pixels are YUV 4:2:0, so
 * width and height must be even.
 *
 * <p>Why here and not in the Gephi bridge: this module already carries bytedeco's JavaCPP and its natives for DL4J
 * (FFmpeg must use the same JavaCPP release), and both the command line and the importer plugin depend on it;
 * the metrics plugin, which depends on the bridge but never writes video, stays 15 MB lighter.
 */
public final class Mp4Video {

    /** Encoders in order of preference. */
    private static final String[] ENCODERS = {"libopenh264", "mpeg4"};
    private static final int KEYFRAME_INTERVAL = 10;

    private Mp4Video() { }

    /**
     * @param frames      images of one even size, read once and in order (a lazy list such as
     *                    {@code FrameRenderer.images} keeps one in memory at a time)
     * @param delayMillis how long each frame shows
     * @throws IOException naming {@code file} if FFmpeg's natives do not load or FFmpeg reports an error
     */
    public static void write(List<BufferedImage> frames, int delayMillis, Path file) throws IOException {
        if (frames.isEmpty()) throw new IllegalArgumentException("frames must not be empty");
        if (delayMillis <= 0) throw new IllegalArgumentException("delayMillis must be > 0, got " + delayMillis);
        loadNatives(file);
        AtomicFiles.write(file, tmp -> new Encoder(file, tmp).encode(frames, delayMillis));
    }

    private static String encoderName(Path file) throws IOException {
        for (String name : ENCODERS) {
            if (avcodec_find_encoder_by_name(name) != null) return name;
        }
        throw new IOException("cannot write " + file + ": this FFmpeg has none of the encoders " + String.join(", ", ENCODERS));
    }

    private static void loadNatives(Path file) throws IOException {
        try {
            Loader.load(avutil.class);
            Loader.load(avcodec.class);
            Loader.load(avformat.class);
            Loader.load(swscale.class);
            av_log_set_level(AV_LOG_ERROR); // OpenH264 warns about rate control on every run; errors still show
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            throw new IOException("cannot write " + file + ": FFmpeg's native libraries (org.bytedeco:ffmpeg with "
                    + "this platform's classifier) did not load: " + e, e);
        }
    }

    /** One encoding run: the FFmpeg objects it owns and frees. */
    private static final class Encoder {
        private final Path file;
        private final Path tmp;
        private AVFormatContext format;
        private AVCodecContext codec;
        private AVStream stream;
        private AVFrame yuv;
        private AVPacket packet;
        private SwsContext sws;
        private BufferedImage canvas;
        private BytePointer bgr;
        private PointerPointer<BytePointer> source;
        private IntPointer sourceStride;
        private int width;
        private int height;

        Encoder(Path file, Path tmp) {
            this.file = file;
            this.tmp = tmp;
        }

        void encode(List<BufferedImage> frames, int delayMillis) throws IOException {
            try {
                int index = 0;
                for (BufferedImage image : frames) {
                    if (index == 0) open(image.getWidth(), image.getHeight(), delayMillis);
                    if (image.getWidth() != width || image.getHeight() != height) {
                        throw new IllegalArgumentException("frames: frame " + index + " is " + image.getWidth() + "x"
                                + image.getHeight() + ", frame 0 is " + width + "x" + height);
                    }
                    check(av_frame_make_writable(yuv), "prepare frame " + index);
                    bgr.put(bgrBytes(image));
                    sws_scale(sws, source, sourceStride, 0, height, yuv.data(), yuv.linesize());
                    yuv.pts(index);
                    send(yuv, "encode frame " + index);
                    index++;
                }
                send(null, "finish the video");
                check(av_write_trailer(format), "finish the MP4 file");
            } finally {
                close();
            }
        }

        private void open(int width, int height, int delayMillis) throws IOException {
            if (width % 2 != 0 || height % 2 != 0) {
                throw new IllegalArgumentException("frames must have an even width and height (YUV 4:2:0), got "
                        + width + "x" + height);
            }
            this.width = width;
            this.height = height;
            String name = encoderName(file);
            AVCodec encoder = avcodec_find_encoder_by_name(name);
            format = new AVFormatContext(null);
            check(avformat_alloc_output_context2(format, null, "mp4", tmp.toString()), "set up the MP4 muxer");
            stream = avformat_new_stream(format, null);
            if (stream == null) throw new IOException("cannot write " + file + ": FFmpeg made no video stream");
            codec = avcodec_alloc_context3(encoder);
            if (codec == null) throw new IOException("cannot write " + file + ": FFmpeg made no " + name + " encoder");
            int gcd = gcd(delayMillis, 1000);
            AVRational frameTime = new AVRational().num(delayMillis / gcd).den(1000 / gcd);
            codec.width(width).height(height).pix_fmt(AV_PIX_FMT_YUV420P)
                    .time_base(frameTime).framerate(new AVRational().num(1000 / gcd).den(delayMillis / gcd))
                    .gop_size(KEYFRAME_INTERVAL).max_b_frames(0)
                    // about one bit per pixel and frame: thin coloured lines on white need more than film does
                    .bit_rate(Math.max(100_000L, (long) width * height * 1000 / delayMillis))
                    // sws_scale converts with BT.601 in limited range; say so, so that players convert back alike
                    .colorspace(AVCOL_SPC_SMPTE170M).color_primaries(AVCOL_PRI_SMPTE170M)
                    .color_trc(AVCOL_TRC_SMPTE170M).color_range(AVCOL_RANGE_MPEG);
            if ((format.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
                codec.flags(codec.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            }
            check(avcodec_open2(codec, encoder, (AVDictionary) null), "open the " + name + " encoder");
            check(avcodec_parameters_from_context(stream.codecpar(), codec), "describe the video stream");
            stream.time_base(codec.time_base());
            AVIOContext io = new AVIOContext(null);
            check(avio_open(io, tmp.toString(), AVIO_FLAG_WRITE), "open the file");
            format.pb(io);
            check(avformat_write_header(format, (AVDictionary) null), "write the MP4 header");

            yuv = av_frame_alloc();
            yuv.format(AV_PIX_FMT_YUV420P).width(width).height(height);
            check(av_frame_get_buffer(yuv, 0), "allocate a frame");
            packet = av_packet_alloc();
            sws = sws_getContext(width, height, AV_PIX_FMT_BGR24, width, height, AV_PIX_FMT_YUV420P,
                    SWS_BICUBIC, null, null, (DoublePointer) null);
            if (sws == null) throw new IOException("cannot write " + file + ": FFmpeg cannot convert BGR to YUV 4:2:0");
            canvas = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
            bgr = new BytePointer(3L * width * height);
            // sws_scale reads four planes and four strides even for packed BGR
            source = new PointerPointer<BytePointer>(4).put(0, bgr);
            sourceStride = new IntPointer(3 * width, 0, 0, 0);
        }

        /** The image's pixels as packed BGR bytes, drawn over white (so transparency becomes white). */
        private byte[] bgrBytes(BufferedImage image) {
            Graphics2D g = canvas.createGraphics();
            try {
                g.drawImage(image, 0, 0, Color.WHITE, null);
            } finally {
                g.dispose();
            }
            return ((DataBufferByte) canvas.getRaster().getDataBuffer()).getData();
        }

        /** Sends a frame (null: the end) and writes every packet the encoder has ready. */
        private void send(AVFrame frame, String what) throws IOException {
            check(avcodec_send_frame(codec, frame), what);
            while (true) {
                int result = avcodec_receive_packet(codec, packet);
                if (result == AVERROR_EAGAIN() || result == AVERROR_EOF) return;
                check(result, what);
                if (packet.duration() == 0) packet.duration(1);
                av_packet_rescale_ts(packet, codec.time_base(), stream.time_base());
                packet.stream_index(stream.index());
                check(av_interleaved_write_frame(format, packet), what);
            }
        }

        private void close() {
            if (format != null && !format.isNull()) {
                if (format.pb() != null && !format.pb().isNull()) avio_closep(format.pb());
                avformat_free_context(format);
            }
            if (codec != null && !codec.isNull()) avcodec_free_context(codec);
            if (yuv != null && !yuv.isNull()) av_frame_free(yuv);
            if (packet != null && !packet.isNull()) av_packet_free(packet);
            if (sws != null && !sws.isNull()) sws_freeContext(sws);
            if (source != null) source.close();
            if (sourceStride != null) sourceStride.close();
            if (bgr != null) bgr.close();
        }

        private void check(int result, String what) throws IOException {
            if (result >= 0) return;
            byte[] message = new byte[256];
            av_strerror(result, message, message.length);
            int length = 0;
            while (length < message.length && message[length] != 0) length++;
            throw new IOException("cannot write " + file + ": FFmpeg could not " + what + " ("
                    + new String(message, 0, length, StandardCharsets.UTF_8) + ", error " + result + ")");
        }
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
