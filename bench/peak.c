/* peak FILE COMMAND...: runs COMMAND and writes its peak resident memory in
 * KiB to FILE, exiting with COMMAND's status.
 *
 * The kernel carries a process's peak across exec, so a command started
 * straight from the benchmark's Python would report at least Python's own
 * memory. This small program forks the command itself: the peak measured is
 * the command's (plus this program's few hundred KiB). */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv)
{
  if (argc < 3) {
    fputs("usage: peak FILE COMMAND...\n", stderr);
    return 2;
  }
  const pid_t child = fork();
  if (child < 0) {
    perror("peak: fork");
    return 2;
  }
  if (child == 0) {
    execvp(argv[2], argv + 2);
    perror("peak: exec");
    _exit(127);
  }
  int status = 0;
  struct rusage usage;
  if (wait4(child, &status, 0, &usage) < 0) {
    perror("peak: wait4");
    return 2;
  }
  FILE* out = fopen(argv[1], "w");
  if (out == NULL || fprintf(out, "%ld\n", usage.ru_maxrss) < 0 || fclose(out) != 0) {
    perror("peak: writing the peak");
    return 2;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
